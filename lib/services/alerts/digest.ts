import { inboxViews, listUnresolvedAlerts, type InboxAlert } from "../../db/alert-inbox";
import { getLatestScoredDay } from "../../db/dashboards";
import { claimDigest, listDigestRecipients, listTierChanges, releaseDigest, type TierChange } from "../../db/digest";
import { scopeFor } from "../../auth/tenant";
import { isoDay, utcDay } from "../../dates";
import type { TenantContext } from "../../tenant";
import { resolveScorecard } from "../dashboards/scorecard";
import { appUrl, mailer, mailFrom } from "../mail";

export interface Digest {
  newAlerts: { total: number; items: InboxAlert[] };
  openAlerts: { total: number; items: InboxAlert[] };
  tierChanges: {
    scorecard: string;
    day: string;
    items: (TierChange & { fromLabel: string; toLabel: string })[];
  } | null;
}

const DAY_MS = 86_400_000;

/**
 * A user's day in one look: alerts raised in the last 24 hours and those still
 * open from before (in their main inbox view), and the accounts in their scope
 * whose tier changed on the last scored day.
 */
export async function buildDigest(ctx: TenantContext, now = new Date()): Promise<Digest> {
  const view = inboxViews(ctx).at(-1)!;
  const since = new Date(now.getTime() - DAY_MS);
  const [newAlerts, openAlerts, { selected }] = await Promise.all([
    listUnresolvedAlerts(ctx, view, { since }),
    listUnresolvedAlerts(ctx, view, { before: since }),
    resolveScorecard(ctx),
  ]);
  let tierChanges: Digest["tierChanges"] = null;
  const day = selected ? await getLatestScoredDay(ctx, selected.id) : null;
  if (selected && day) {
    const label = new Map(selected.tiers.map((t) => [t.key, t.label]));
    const items = await listTierChanges(ctx, selected.id, day);
    tierChanges = {
      scorecard: selected.name,
      day: isoDay(day),
      items: items.map((c) => ({
        ...c,
        fromLabel: label.get(c.fromTier) ?? c.fromTier,
        toLabel: label.get(c.toTier) ?? c.toTier,
      })),
    };
  }
  return { newAlerts, openAlerts, tierChanges };
}

export const isEmptyDigest = (d: Digest) =>
  d.newAlerts.total === 0 && d.openAlerts.total === 0 && (d.tierChanges?.items.length ?? 0) === 0;

/** The digest as a plain-text email. */
export function digestEmail(d: Digest, who: { name: string; organizationName: string }) {
  const base = appUrl();
  const alertLine = (a: InboxAlert) =>
    `  • [${a.severity}] ${a.accountName}: ${a.title}  ${base}/accounts/${a.accountId}`;
  // A long list is cut short; the line after it says how many more the inbox holds.
  const alertLines = (list: { total: number; items: InboxAlert[] }) => [
    ...list.items.map(alertLine),
    ...(list.total > list.items.length ? [`  … and ${list.total - list.items.length} more in the inbox`] : []),
  ];
  const lines = [
    `Good morning ${who.name},`,
    "",
    `Your Pulseboard digest for ${who.organizationName}.`,
    "",
    `New alerts (last 24 hours): ${d.newAlerts.total}`,
    ...alertLines(d.newAlerts),
    "",
    `Still open from before: ${d.openAlerts.total}`,
    ...alertLines(d.openAlerts),
  ];
  if (d.tierChanges) {
    lines.push("", `Tier changes on ${d.tierChanges.day} (${d.tierChanges.scorecard}): ${d.tierChanges.items.length}`);
    for (const c of d.tierChanges.items)
      lines.push(`  • ${c.name}: ${c.fromLabel} → ${c.toLabel}  ${base}/accounts/${c.id}`);
  }
  lines.push("", `Open your inbox: ${base}/alerts`, `The digest in the app: ${base}/digest`);
  const total = d.newAlerts.total + d.openAlerts.total;
  return { subject: `Pulseboard digest: ${d.newAlerts.total} new, ${total} open alerts`, text: lines.join("\n") };
}

/** Hour (UTC) digests go out; PULSEBOARD_DIGEST_HOUR overrides. */
export function digestHour(): number {
  const hour = Number(process.env.PULSEBOARD_DIGEST_HOUR ?? 7);
  return Number.isInteger(hour) && hour >= 0 && hour < 24 ? hour : 7;
}

/**
 * Worker pass: once the digest hour has come, emails each member who works
 * alerts today's digest (once per day: claimed before sending, given back if the
 * send fails). Skips empty digests; does nothing without SMTP.
 */
export async function sendDueDigests(now = new Date(), organizationIds: string[] | null = null): Promise<string[]> {
  const transport = mailer();
  if (!transport || now.getUTCHours() < digestHour()) return [];
  const day = utcDay(now);
  const done: string[] = [];
  for (const r of await listDigestRecipients(day, organizationIds)) {
    if (!(await claimDigest(r.organizationId, r.userId, day))) continue;
    const ctx: TenantContext = {
      organizationId: r.organizationId,
      userId: r.userId,
      role: r.role,
      scope: scopeFor(r.role, r.userId, r.teamIds),
    };
    try {
      const digest = await buildDigest(ctx, now);
      if (isEmptyDigest(digest)) continue;
      await transport.sendMail({ from: mailFrom(), to: `${r.name} <${r.email}>`, ...digestEmail(digest, r) });
      done.push(`digest sent to ${r.email}`);
    } catch (error) {
      await releaseDigest(r.organizationId, r.userId, day);
      done.push(`digest to ${r.email} failed: ${error instanceof Error ? error.message : error}`);
    }
  }
  return done;
}
