import { beforeAll, describe, expect, it } from "vitest";
import { loadSignalHistory } from "@/lib/db/alert-signals";
import { db } from "@/lib/db/client";
import { previewRuleImpact } from "@/lib/services/alerts/rules";
import { runDueWork } from "@/lib/services/scoring/scheduler";
import { ruleFormSchema } from "@/lib/validation/alerts";
import { createTestOrg, publishHealthScorecard, type TestOrg } from "../support/factories";

let org: TestOrg;
let scorecardId: string;

beforeAll(async () => {
  org = await createTestOrg({ accounts: 20, days: 10, seed: 78 });
  ({ scorecardId } = await publishHealthScorecard(org.organizationId));
  await runDueWork(new Date(), [org.organizationId]);
});

/** A rule that every score is below (threshold 100, no margin, no cooldown): each scored account alerts once. */
const everyScoreBelow = (fields: { name: string; teamId?: string }) =>
  ruleFormSchema.parse({
    ...fields,
    kind: "score_below",
    scorecardId,
    severity: "low",
    cooldownHours: "0",
    threshold: "100",
    margin: "0",
  });

describe("alert rule preview", () => {
  it("previews 90 days of history with the live rules: a threshold above every score alerts each scored account once", async () => {
    const admin = await org.contextFor("admin");
    const preview = await previewRuleImpact(admin, everyScoreBelow({ name: "Everything" }));
    const scored = await db().scoreSnapshot.groupBy({
      by: ["accountId"],
      where: {
        organizationId: org.organizationId,
        scorecardId,
        score: { not: null },
        day: { gte: new Date(preview.from) },
      },
    });
    expect(preview.perDay).toHaveLength(90);
    expect(preview.alerts).toBe(scored.length);
    expect(preview.accounts).toBe(scored.length);
    expect(preview.perDay.reduce((n, d) => n + d.alerts, 0)).toBe(preview.alerts);
    expect(await db().alertRule.count({ where: { organizationId: org.organizationId, name: "Everything" } })).toBe(0);
  });

  it("previews a team's rule over that team's active accounts only", async () => {
    const admin = await org.contextFor("admin");
    const team = await db().team.findFirstOrThrow({
      where: { organizationId: org.organizationId, accounts: { some: { status: "active" } } },
      orderBy: { name: "asc" },
    });
    const preview = await previewRuleImpact(admin, everyScoreBelow({ name: "Team only", teamId: team.id }));
    const members = await db().account.findMany({
      where: { organizationId: org.organizationId, teamId: team.id, status: "active" },
      select: { id: true },
    });
    const snapshots = (scoredOnly: boolean) =>
      db().scoreSnapshot.groupBy({
        by: ["accountId"],
        where: {
          organizationId: org.organizationId,
          scorecardId,
          accountId: { in: members.map((m) => m.id) },
          day: { gte: new Date(preview.from) },
          ...(scoredOnly ? { score: { not: null } } : {}),
        },
      });
    const watched = await snapshots(false);
    expect(watched.length).toBeGreaterThan(0);
    expect(watched.length).toBeLessThan(org.accountIds.length);
    expect(preview.accountsWatched).toBe(watched.length);
    expect(preview.accounts).toBe((await snapshots(true)).length);
  });

  it("loads each watched account's history as stored: days, scores, tiers, coverage, renewal and input times", async () => {
    // An account that churned keeps its snapshots but is no longer watched.
    const gone = await db().scoreSnapshot.findFirstOrThrow({
      where: { organizationId: org.organizationId, scorecardId },
      orderBy: { accountId: "desc" },
    });
    await db().account.updateMany({ where: { id: gone.accountId }, data: { status: "churned" } });
    const range = await db().scoreSnapshot.aggregate({
      where: { organizationId: org.organizationId, scorecardId },
      _min: { day: true },
      _max: { day: true },
    });
    const [from, to] = [range._min.day!, range._max.day!];
    const history = await loadSignalHistory(
      {
        organizationId: org.organizationId,
        scorecardId,
        scope: {},
        previousTier: false,
        highWithinDays: null,
        metric: "csat",
      },
      from,
      to,
    );
    const csat = await db().metricDefinition.findFirstOrThrow({
      where: { organizationId: org.organizationId, key: "csat" },
    });
    const snapshots = await db().scoreSnapshot.findMany({
      where: { organizationId: org.organizationId, scorecardId },
      orderBy: [{ accountId: "asc" }, { day: "asc" }],
    });
    const observations = await db().metricObservation.findMany({
      where: {
        organizationId: org.organizationId,
        metricId: csat.id,
        observedAt: { lt: new Date(to.getTime() + 86_400_000) },
      },
      orderBy: { observedAt: "asc" },
      select: { accountId: true, observedAt: true },
    });
    const accounts = await db().account.findMany({
      where: { organizationId: org.organizationId, status: "active", id: { in: snapshots.map((x) => x.accountId) } },
      orderBy: { id: "asc" },
      select: { id: true, name: true, renewalDate: true },
    });
    expect(accounts.length).toBeGreaterThan(1);
    expect(history.map((h) => h.accountId)).not.toContain(gone.accountId);
    expect(history).toEqual(
      accounts.map((a) => {
        const own = snapshots.filter((x) => x.accountId === a.id);
        return {
          accountId: a.id,
          name: a.name,
          days: own.map((x) => x.day.toISOString().slice(0, 10)),
          scores: own.map((x) => x.score),
          tiers: own.map((x) => x.tierKey),
          coverages: own.map((x) => x.coverage),
          renewalDate: a.renewalDate?.toISOString().slice(0, 10) ?? null,
          observedAt: observations.filter((o) => o.accountId === a.id).map((o) => o.observedAt.getTime()),
          inputStaleDays: csat.stalenessDays,
        };
      }),
    );
  });
});
