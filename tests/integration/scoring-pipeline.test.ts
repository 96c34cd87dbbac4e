import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { rebuildRollups } from "@/lib/db/score-writes";
import { insertObservations } from "@/lib/db/observations";
import { DEMO_HEALTH_MODEL } from "@/lib/demo/health-model";
import { createScorer, validateModel, type AccountInput } from "@/lib/scoring";
import { backfillHistory } from "@/lib/services/scoring/backfill";
import { recomputeOrganization } from "@/lib/services/scoring/recompute";
import { createTestOrg, publishHealthScorecard, TEST_TODAY, type TestOrg } from "../support/factories";

const DAY = 86_400_000;
const parsed = validateModel(DEMO_HEALTH_MODEL);
if (!parsed.ok) throw new Error("demo model invalid");
const model = parsed.model;

let org: TestOrg;
let other: TestOrg;
let scorecardId: string;

async function withScorecard(o: TestOrg) {
  return (await publishHealthScorecard(o.organizationId)).scorecardId;
}

beforeAll(async () => {
  [org, other] = await Promise.all([
    createTestOrg({ accounts: 40, days: 30, seed: 11 }),
    createTestOrg({ accounts: 10, days: 30, seed: 12 }),
  ]);
  scorecardId = await withScorecard(org);
  await withScorecard(other);
  await backfillHistory(org.organizationId, { days: 20, today: TEST_TODAY });
  await backfillHistory(other.organizationId, { days: 20, today: TEST_TODAY });
});

/** Inputs of every customer as of the end of `day`, straight from the observations (independent of the pipeline). */
async function inputsAsOf(o: TestOrg, day: Date): Promise<AccountInput[]> {
  const end = new Date(day.getTime() + DAY - 1);
  const observations = await db().metricObservation.findMany({
    where: { organizationId: o.organizationId, observedAt: { lte: end } },
    orderBy: { observedAt: "asc" },
    select: { accountId: true, metricId: true, value: true, textValue: true, observedAt: true },
  });
  const keyOf = new Map(Object.entries(o.metricIds).map(([k, id]) => [id, k]));
  return o.plan.accounts.flatMap((a, i) => {
    const started = a.startDate.getTime() <= end.getTime();
    const customer = started && (a.status === "active" || a.renewalDate.getTime() >= day.getTime());
    if (!customer) return [];
    const values: AccountInput["values"] = {};
    for (const obs of observations.filter((x) => x.accountId === o.accountIds[i])) {
      values[keyOf.get(obs.metricId)!] = {
        value: obs.textValue ?? obs.value,
        observedAt: obs.observedAt.toISOString(),
      };
    }
    return [
      {
        id: o.accountIds[i]!,
        segments: [a.segment],
        stage: null,
        seats: a.seats,
        activeUsers: a.activeUsers,
        arr: a.arr,
        values,
      },
    ];
  });
}

describe("history backfill", () => {
  it("scores each past day from only the observations made by then (point-in-time)", async () => {
    const day = new Date(TEST_TODAY.getTime() - 6 * DAY);
    const snapshots = await db().scoreSnapshot.findMany({
      where: { organizationId: org.organizationId, scorecardId, day },
      select: { accountId: true, score: true, tierKey: true, coverage: true, variantKey: true },
    });
    const accounts = await inputsAsOf(org, day);
    expect(snapshots.length).toBe(accounts.length);
    // Stages come from the database; give the independent scorer the same ones.
    const stages = await db().account.findMany({
      where: { organizationId: org.organizationId },
      select: { id: true, lifecycleStage: { select: { key: true } } },
    });
    const stageOf = new Map(stages.map((s) => [s.id, s.lifecycleStage?.key ?? null]));
    const expected = createScorer(model).scoreAccounts(
      accounts.map((a) => ({ ...a, stage: stageOf.get(a.id) })),
      { asOf: day.toISOString().slice(0, 10) },
    );
    for (const e of expected) {
      const s = snapshots.find((x) => x.accountId === e.id)!;
      expect(s.score).toBe(e.score);
      expect(s.tierKey).toBe(e.tier.key);
      expect(s.coverage).toBe(e.coverage);
      expect(s.variantKey).toBe(e.variant.key);
    }
  });

  it("writes one snapshot per customer and day, rollups that add up, and current scores", async () => {
    const perDay = await db().scoreSnapshot.groupBy({
      by: ["day"],
      where: { organizationId: org.organizationId, scorecardId },
      _count: true,
    });
    expect(perDay).toHaveLength(20);
    const today = perDay.find((d) => d.day.getTime() === TEST_TODAY.getTime())!;
    const rollup = await db().scoreRollup.aggregate({
      where: { organizationId: org.organizationId, scorecardId, day: TEST_TODAY, dimension: "organization" },
      _sum: { accounts: true },
    });
    expect(rollup._sum.accounts).toBe(today._count);
    const teams = await db().scoreRollup.aggregate({
      where: { organizationId: org.organizationId, scorecardId, day: TEST_TODAY, dimension: "team" },
      _sum: { accounts: true },
    });
    expect(teams._sum.accounts).toBe(today._count);
    const current = await db().currentScore.count({ where: { organizationId: org.organizationId, scorecardId } });
    expect(current).toBe(today._count);
  });

  it("keeps past snapshots immutable when history is scored again", async () => {
    const day = new Date(TEST_TODAY.getTime() - 10 * DAY);
    const before = await db().scoreSnapshot.findMany({
      where: { organizationId: org.organizationId, scorecardId, day },
      orderBy: { accountId: "asc" },
    });
    await insertObservations(org.organizationId, {
      accountId: [org.accountIds[0]!],
      metricId: [org.metricIds.csat!],
      observedAt: [new Date(day.getTime() + 3600_000)],
      value: [1],
      textValue: [null],
      source: "import",
    });
    await backfillHistory(org.organizationId, { days: 20, today: TEST_TODAY });
    const after = await db().scoreSnapshot.findMany({
      where: { organizationId: org.organizationId, scorecardId, day },
      orderBy: { accountId: "asc" },
    });
    expect(after).toEqual(before);
  });
});

describe("recompute", () => {
  it("rescores an account after new data and replaces today's snapshot, leaving other organisations alone", async () => {
    const target = org.plan.accounts.findIndex((a) => a.status === "active");
    const accountId = org.accountIds[target]!;
    const now = new Date(TEST_TODAY.getTime() + 12 * 3600_000);
    const otherBefore = await db().currentScore.findMany({
      where: { organizationId: other.organizationId },
      orderBy: { accountId: "asc" },
    });
    const before = await db().currentScore.findUniqueOrThrow({
      where: { organizationId_scorecardId_accountId: { organizationId: org.organizationId, scorecardId, accountId } },
    });

    // Terrible news on every usage and support metric.
    const keys = [
      "weekly_active_users",
      "logins_per_user",
      "feature_adoption",
      "open_tickets",
      "p1_incidents_90d",
      "csat",
    ];
    const worst = [0, 0, 0, 500, 9, 1];
    await insertObservations(org.organizationId, {
      accountId: keys.map(() => accountId),
      metricId: keys.map((k) => org.metricIds[k]!),
      observedAt: keys.map(() => now),
      value: worst,
      textValue: keys.map(() => null),
      source: "api",
    });
    const result = await recomputeOrganization(org.organizationId, { trigger: "test", now, accountIds: [accountId] });
    expect(result).toMatchObject({ accounts: 1, scorecards: 1 });

    const after = await db().currentScore.findUniqueOrThrow({
      where: { organizationId_scorecardId_accountId: { organizationId: org.organizationId, scorecardId, accountId } },
    });
    expect(after.score!).toBeLessThan(before.score! - 5);
    const todays = await db().scoreSnapshot.findMany({
      where: { organizationId: org.organizationId, scorecardId, accountId, day: TEST_TODAY },
    });
    expect(todays).toHaveLength(1);
    expect(todays[0]!.score).toBe(after.score);
    const explanation = await db().scoreExplanation.findUniqueOrThrow({
      where: {
        organizationId_scorecardId_day_accountId: {
          organizationId: org.organizationId,
          scorecardId,
          day: TEST_TODAY,
          accountId,
        },
      },
    });
    expect((explanation.detail as { metrics: unknown[] }).metrics.length).toBeGreaterThan(10);

    expect(
      await db().currentScore.findMany({
        where: { organizationId: other.organizationId },
        orderBy: { accountId: "asc" },
      }),
    ).toEqual(otherBefore);
    const run = await db().scoringRun.findFirstOrThrow({
      where: { organizationId: org.organizationId, id: result.runId },
    });
    expect(run).toMatchObject({ status: "succeeded", accounts: 1, trigger: "test" });
  });

  it("keeps exactly one explanation per snapshot through the backfill and the runs above", async () => {
    const where = { organizationId: org.organizationId, scorecardId };
    const keys = (rows: { day: Date; accountId: string }[]) =>
      rows.map((r) => `${r.day.toISOString().slice(0, 10)} ${r.accountId}`).sort();
    const snapshots = keys(await db().scoreSnapshot.findMany({ where, select: { day: true, accountId: true } }));
    const explanations = keys(await db().scoreExplanation.findMany({ where, select: { day: true, accountId: true } }));
    expect(snapshots.length).toBeGreaterThan(100);
    expect(explanations).toEqual(snapshots);
  });

  it("rolls today up from the current rollups to the figures a rebuild from today's snapshots gives", async () => {
    // After the runs above, today's snapshots and the current scores are the same portfolio.
    const today = () =>
      db().scoreRollup.findMany({
        where: { organizationId: org.organizationId, scorecardId, day: TEST_TODAY },
        orderBy: [{ dimension: "asc" }, { dimensionKey: "asc" }, { tierKey: "asc" }],
      });
    const summed = await today();
    await rebuildRollups(org.organizationId, scorecardId, TEST_TODAY, TEST_TODAY);
    const rebuilt = await today();
    expect(new Set(summed.map((r) => r.dimension))).toEqual(
      new Set(["organization", "segment", "team", "owner", "stage"]),
    );
    const exact = (r: (typeof summed)[number]) => [
      r.dimension,
      r.dimensionKey,
      r.tierKey,
      r.accounts,
      r.arr.toString(),
    ];
    expect(summed.map(exact)).toEqual(rebuilt.map(exact));
    summed.forEach((r, i) => {
      expect(r.scoreSum).toBeCloseTo(rebuilt[i]!.scoreSum, 6);
      expect(r.coverageSum).toBeCloseTo(rebuilt[i]!.coverageSum, 6);
    });
  });
});
