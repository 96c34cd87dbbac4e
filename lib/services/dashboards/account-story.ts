import { getAccountOrThrow } from "../../db/accounts";
import { getSnapshotOnOrBefore, listAccountScores, listScoreHistory } from "../../db/account-story";
import { listModelVersions } from "../../db/scorecards";
import { waterfallSteps } from "../../dashboards/waterfall";
import { attributeChange, readSnapshotDetail } from "../../scoring";
import { publishedModel } from "../scoring/model-cache";
import type { TenantContext } from "../../tenant";
import type { AccountStoryQuery } from "../../validation/dashboards";
import { addDays, dayDate, isoDay, resolveScorecard } from "./scorecard";

/**
 * Everything the account page tells about one scorecard: the score history with
 * model-version markers, the latest contribution breakdown, and the waterfall of
 * what changed between two days (it sums exactly to the change).
 */
export async function loadAccountStory(ctx: TenantContext, accountId: string, q: AccountStoryQuery) {
  await getAccountOrThrow(ctx, accountId);
  const [{ options, selected: card }, current] = await Promise.all([
    resolveScorecard(ctx, q.scorecard),
    listAccountScores(ctx, accountId),
  ]);
  if (!card) return { scorecards: options, current, card: null } as const;
  const latest = await getSnapshotOnOrBefore(ctx, accountId, card.id, dayDate(q.to ?? isoDay(new Date())));
  if (!latest) return { scorecards: options, current, card, latest: null } as const;
  const to = latest.day;
  const from = q.from && q.from < to ? q.from : addDays(to, -30);
  const [history, before] = await Promise.all([
    listScoreHistory(ctx, accountId, card.id, dayDate(addDays(to, -q.range + 1))),
    getSnapshotOnOrBefore(ctx, accountId, card.id, dayDate(from)),
  ]);
  // Snapshots are usually scored by the published version, already at hand; older versions are read by id.
  const used = [
    ...history.map((h) => h.modelVersionId),
    latest.modelVersionId,
    ...(before ? [before.modelVersionId] : []),
  ];
  const olderIds = [...new Set(used)].filter((id) => id !== card.versionId);
  const older = olderIds.length > 0 ? await listModelVersions(ctx, olderIds) : [];
  const modelOf = new Map(older.map((v) => [v.id, { number: v.number, parsed: publishedModel(v.id, v.definition) }]));
  modelOf.set(card.versionId, { number: card.versionNumber, parsed: publishedModel(card.versionId, card.model) });
  const read = (s: NonNullable<typeof latest>) => {
    const parsed = modelOf.get(s.modelVersionId)?.parsed;
    return parsed ? readSnapshotDetail(parsed.model, s.detail, s.score, parsed.compiledFor) : null;
  };
  const after = read(latest);
  const prior = before ? read(before) : null;
  const attribution = after && prior ? attributeChange(prior, after) : null;
  const markers = history.flatMap((h, i) =>
    i > 0 && h.modelVersionId !== history[i - 1]!.modelVersionId
      ? [{ index: i, label: `v${modelOf.get(h.modelVersionId)?.number ?? "?"}` }]
      : [],
  );
  return {
    scorecards: options,
    current,
    card,
    latest: { ...latest, detail: after, versionNumber: modelOf.get(latest.modelVersionId)?.number ?? null },
    history: { days: history.map((h) => h.day), scores: history.map((h) => h.score), markers },
    change:
      before && attribution && attribution.delta !== null
        ? {
            from: before.day,
            to,
            delta: attribution.delta,
            versionChanged: before.modelVersionId !== latest.modelVersionId,
            steps: waterfallSteps(before.score!, latest.score!, attribution.parts, {
              before: `Score on ${before.day}`,
              after: `Score on ${to}`,
            }),
          }
        : { from: before?.day ?? from, to, delta: null, versionChanged: false, steps: [] },
  } as const;
}

export type AccountStory = Awaited<ReturnType<typeof loadAccountStory>>;
