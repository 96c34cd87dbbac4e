import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { listLatestMetricValues } from "@/lib/db/accounts";
import { listNotes, listOutcomes } from "@/lib/db/account-story";
import { db } from "@/lib/db/client";
import { createDraftVersion } from "@/lib/db/model-versions";
import { loadDistribution, loadMovement } from "@/lib/db/dashboards";
import { DEFAULT_PRIORITY_WEIGHTS, priorityOf } from "@/lib/dashboards/priority";
import { DEMO_HEALTH_MODEL } from "@/lib/demo/health-model";
import { NotFoundError } from "@/lib/errors";
import { loadAccountStory } from "@/lib/services/dashboards/account-story";
import { loadAtRisk, updatePriorityWeights } from "@/lib/services/dashboards/at-risk";
import { recordAccountNote } from "@/lib/services/dashboards/notes";
import { loadOverview } from "@/lib/services/dashboards/overview";
import { loadTrends } from "@/lib/services/dashboards/trends";
import { publishVersion } from "@/lib/services/scorecards/publish";
import { backfillHistory } from "@/lib/services/scoring/backfill";
import { recomputeOrganization } from "@/lib/services/scoring/recompute";
import type { TenantContext } from "@/lib/tenant";
import { accountStoryQuerySchema, atRiskQuerySchema, overviewQuerySchema } from "@/lib/validation/dashboards";
import { createTestOrg, publishHealthScorecard, TEST_TODAY, type TestOrg } from "../support/factories";

let org: TestOrg;
let scorecardId: string;

beforeAll(async () => {
  org = await createTestOrg({ accounts: 60, days: 40, seed: 41 });
  ({ scorecardId } = await publishHealthScorecard(org.organizationId));
  await backfillHistory(org.organizationId, { days: 35, today: TEST_TODAY });
});

/** Current scores of the accounts a context may see, straight from the tables. */
async function visibleScores(ctx: TenantContext) {
  const accounts = await db().account.findMany({
    where: {
      organizationId: org.organizationId,
      ...(ctx.scope.kind === "own" ? { ownerId: ctx.scope.userId } : {}),
      ...(ctx.scope.kind === "teams" ? { teamId: { in: ctx.scope.teamIds } } : {}),
    },
    select: { id: true },
  });
  return db().currentScore.findMany({
    where: { organizationId: org.organizationId, scorecardId, accountId: { in: accounts.map((a) => a.id) } },
  });
}

async function overview(ctx: TenantContext, q: Record<string, string> = {}) {
  const view = await loadOverview(ctx, overviewQuerySchema.parse(q));
  const { summary, trend, movement } = view;
  if (!summary || !trend || !movement) throw new Error("no overview");
  return { ...view, summary, trend, movement };
}

describe("role scoping of the dashboards", () => {
  it("shows a CSM their book, a manager their teams and an admin everything — figures that agree with the tables", async () => {
    for (const key of ["csm:0:1", "manager:1", "admin"]) {
      const ctx = await org.contextFor(key);
      const view = await overview(ctx);
      const scores = await visibleScores(ctx);
      expect(view.summary.accounts).toBe(scores.length);
      const scored = scores.filter((s) => s.score !== null);
      expect(view.summary.averageScore).toBeCloseTo(scored.reduce((s, c) => s + c.score!, 0) / scored.length, 9);
      // Today's point of the trend comes from the rollups and matches the current scores.
      expect(view.trend.source).toBe("rollups");
      expect(view.trend.average.at(-1)).toBeCloseTo(view.summary.averageScore!, 9);
      const today = await db().scoreSnapshot.count({
        where: {
          organizationId: org.organizationId,
          scorecardId,
          day: TEST_TODAY,
          accountId: { in: scores.map((s) => s.accountId) },
        },
      });
      expect(view.movement.cells.flat().reduce((n, c) => n + c.accounts, 0)).toBeGreaterThanOrEqual(today);
    }
  });

  it("lets anyone narrow but no one widen: a filter outside the role's scope shows nothing", async () => {
    const csm = await org.contextFor("csm:0:1");
    const colleague = org.userIds["csm:1:1"]!;
    const narrowed = await overview(csm, { owner: colleague });
    expect(narrowed.summary.accounts).toBe(0);
    const manager = await org.contextFor("manager:0");
    const otherTeam = (await db().team.findMany({ where: { organizationId: org.organizationId } })).find(
      (t) => manager.scope.kind === "teams" && !manager.scope.teamIds.includes(t.id),
    )!;
    const widened = await overview(manager, { team: otherTeam.id });
    expect(widened.summary.accounts).toBe(0);
    const trends = await loadTrends(manager, overviewQuerySchema.parse({}), {
      segments: [],
      teams: [{ id: otherTeam.id, name: otherTeam.name }],
    });
    expect("byTeam" in trends && trends.byTeam).toEqual([]);
  });

  it("draws a filtered CSM view from the snapshots and still agrees with the current scores", async () => {
    const csm = await org.contextFor("csm:0:1");
    const segment = await db().segment.findFirstOrThrow({
      where: { organizationId: org.organizationId, key: "enterprise" },
    });
    const view = await overview(csm, { segment: segment.id, range: "30" });
    expect(view.trend.source).toBe("snapshots");
    if (view.summary.averageScore !== null) expect(view.trend.average.at(-1)).toBeCloseTo(view.summary.averageScore, 9);
  });
});

describe("precomputed current rollups", () => {
  it("hold the same histogram and 30-day tier movement as the current scores and snapshots", async () => {
    const admin = await org.contextFor("admin");
    const scores = await db().currentScore.findMany({
      where: { organizationId: org.organizationId, scorecardId },
      include: { account: { select: { arr: true } } },
    });
    const expected = new Map<string, number>();
    for (const c of scores) {
      const bucket = c.score === null ? null : Math.min(19, Math.max(0, Math.floor(c.score / 5)));
      const key = `${c.tierKey}|${bucket}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const distribution = await loadDistribution(admin, scorecardId, {}, { min: 0, max: 100 }, 20);
    expect(new Map(distribution.map((r) => [`${r.tierKey}|${r.bucket}`, r.accounts]))).toEqual(expected);

    const from = new Date(TEST_TODAY.getTime() - 30 * 86_400_000);
    const key = (r: { fromTier: string; toTier: string; accounts: number; arr: number }) =>
      `${r.fromTier}>${r.toTier}:${r.accounts}:${r.arr.toFixed(2)}`;
    const precomputed = await loadMovement(admin, scorecardId, {}, from, TEST_TODAY, true);
    const fromSnapshots = await loadMovement(admin, scorecardId, {}, from, TEST_TODAY, false);
    expect(precomputed.map(key).sort()).toEqual(
      fromSnapshots
        .filter((r) => r.toTier !== "none")
        .map(key)
        .sort(),
    );
  });
});

describe("at-risk list", () => {
  it("ranks by the documented priority, computed in SQL exactly as the formula says", async () => {
    const admin = await org.contextFor("admin");
    const rows = await db().currentScore.findMany({
      where: { organizationId: org.organizationId, scorecardId },
      select: {
        accountId: true,
        score: true,
        delta30: true,
        coverage: true,
        priority: true,
        account: { select: { arr: true, renewalDate: true } },
      },
    });
    const arrs = rows.map((r) => r.account.arr.toNumber()).sort((a, b) => a - b);
    for (const r of rows) {
      const arr = r.account.arr.toNumber();
      const expected = priorityOf(
        {
          score: r.score,
          delta30: r.delta30,
          coverage: r.coverage,
          arrRank: arrs.indexOf(arr) / (arrs.length - 1),
          daysToRenewal: r.account.renewalDate
            ? Math.round((r.account.renewalDate.getTime() - TEST_TODAY.getTime()) / 86_400_000)
            : null,
        },
        { min: 0, max: 100 },
        DEFAULT_PRIORITY_WEIGHTS,
      );
      expect(r.priority).toBeCloseTo(expected, 9);
    }
    const page = await loadAtRisk(admin, atRiskQuerySchema.parse({ size: "25" }));
    if (!("items" in page)) throw new Error("no list");
    const priorities = page.items.map((i) => i.priority!);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    expect(page.total).toBe(rows.length);
  });

  it("re-ranks every account when an admin changes the weights, and a CSM sees only their book", async () => {
    const admin = await org.contextFor("admin");
    await updatePriorityWeights(admin, { score: 0, trend: 0, coverage: 1, revenue: 0, urgency: 0 }, TEST_TODAY);
    const rows = await db().currentScore.findMany({ where: { organizationId: org.organizationId, scorecardId } });
    for (const r of rows) expect(r.priority).toBeCloseTo(100 * (1 - r.coverage), 9);
    await updatePriorityWeights(admin, DEFAULT_PRIORITY_WEIGHTS, TEST_TODAY);

    const csm = await org.contextFor("csm:2:2");
    const mine = await loadAtRisk(csm, atRiskQuerySchema.parse({ size: "100" }));
    if (!("items" in mine)) throw new Error("no list");
    const owned = await db().account.findMany({
      where: { organizationId: org.organizationId, id: { in: mine.items.map((i) => i.id) } },
    });
    expect(owned.every((a) => a.ownerId === csm.userId)).toBe(true);
    expect(mine.total).toBe((await visibleScores(csm)).length);
  });
});

describe("account page", () => {
  it("explains the change between two days with parts that add up exactly", async () => {
    const admin = await org.contextFor("admin");
    const target = (await visibleScores(admin)).find((s) => s.score !== null)!;
    const story = await loadAccountStory(
      admin,
      target.accountId,
      accountStoryQuerySchema.parse({ from: "2026-05-20", to: "2026-06-15" }),
    );
    if (!("change" in story) || !story.change || story.change.delta === null) throw new Error("no change");
    const steps = story.change.steps;
    const sum = steps.slice(1, -1).reduce((s, x) => s + (x.end - x.start), 0);
    expect(steps[0]!.end + sum).toBeCloseTo(steps.at(-1)!.end, 9);
    expect(steps.at(-1)!.end).toBe(story.latest.score);
    expect(story.history.days.at(-1)).toBe("2026-06-15");
    const contributions = story.latest.detail!.metrics.reduce((s, m) => s + m.contribution, 0);
    expect(contributions).toBeCloseTo(story.latest.score!, 9);
  });

  it("records the CSM's sentiment as a manual observation and rescores the account at once", async () => {
    const csm = await org.contextFor("csm:0:2");
    const account = await db().account.findFirstOrThrow({
      where: { organizationId: org.organizationId, ownerId: csm.userId, status: "active" },
    });
    const metric = await db().metricDefinition.findFirstOrThrow({
      where: { organizationId: org.organizationId, key: "csm_sentiment" },
    });
    const before = await db().currentScore.findFirstOrThrow({
      where: { organizationId: org.organizationId, scorecardId, accountId: account.id },
    });
    const now = new Date(TEST_TODAY.getTime() + 10 * 3600_000);
    await recordAccountNote(
      csm,
      { accountId: account.id, body: "Champion left", metricId: metric.id, option: "bad" },
      now,
    );
    const obs = await db().metricObservation.findFirstOrThrow({
      where: { organizationId: org.organizationId, accountId: account.id, metricId: metric.id, observedAt: now },
    });
    expect(obs).toMatchObject({ textValue: "bad", source: "manual", recordedById: csm.userId });
    const after = await db().currentScore.findFirstOrThrow({
      where: { organizationId: org.organizationId, scorecardId, accountId: account.id },
    });
    expect(after.computedAt.getTime()).toBeGreaterThan(before.computedAt.getTime());
    expect(await db().note.count({ where: { organizationId: org.organizationId, accountId: account.id } })).toBe(1);

    // The page lists the notes newest first with their author, and the value with its age and staleness.
    const before2 = (days: number) => new Date(now.getTime() - days * 86_400_000);
    await db().note.createMany({
      data: [
        { organizationId: org.organizationId, accountId: account.id, body: "Imported", createdAt: before2(2) },
        {
          organizationId: org.organizationId,
          accountId: account.id,
          body: "From a colleague who left",
          authorId: randomUUID(),
          createdAt: before2(1),
        },
      ],
    });
    const me = await db().user.findUniqueOrThrow({ where: { id: csm.userId } });
    expect((await listNotes(csm, account.id)).map((n) => [n.body, n.author])).toEqual([
      ["Champion left", me.name],
      ["From a colleague who left", "Former member"],
      ["Imported", "System"],
    ]);
    const values = await listLatestMetricValues(csm, account.id, now);
    expect(values).toHaveLength(
      await db().metricCurrentValue.count({ where: { organizationId: org.organizationId, accountId: account.id } }),
    );
    expect(values.find((v) => v.key === "csm_sentiment")).toMatchObject({
      name: "CSM sentiment",
      category: "sentiment",
      textValue: "bad",
      observedAt: now.toISOString(),
      ageDays: 0,
      stale: false,
      stalenessDays: 45,
    });
    const later = await listLatestMetricValues(csm, account.id, new Date(now.getTime() + 46 * 86_400_000));
    expect(later.find((v) => v.key === "csm_sentiment")).toMatchObject({ ageDays: 46, stale: true });

    const other = await db().account.findFirstOrThrow({
      where: { organizationId: org.organizationId, NOT: { ownerId: csm.userId } },
    });
    await expect(recordAccountNote(csm, { accountId: other.id, body: "not mine" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      recordAccountNote(csm, { accountId: account.id, metricId: metric.id, option: "superb" }),
    ).rejects.toThrow("Pick one of the options.");
  });

  it("lists the account's outcomes newest first, with their day and ARR", async () => {
    const admin = await org.contextFor("admin");
    const account = await db().account.findFirstOrThrow({
      where: { organizationId: org.organizationId, outcomes: { none: {} } },
    });
    await db().outcome.createMany({
      data: [
        {
          organizationId: org.organizationId,
          accountId: account.id,
          kind: "renewed",
          occurredOn: new Date("2026-01-31T00:00:00Z"),
          arrBefore: "12000.50",
          arrAfter: "15000",
        },
        {
          organizationId: org.organizationId,
          accountId: account.id,
          kind: "churned",
          occurredOn: new Date("2026-05-01T00:00:00Z"),
        },
      ],
    });
    expect(await listOutcomes(admin, account.id)).toEqual([
      expect.objectContaining({
        kind: "churned",
        occurredOn: "2026-05-01",
        arrBefore: null,
        arrAfter: null,
        note: null,
      }),
      expect.objectContaining({ kind: "renewed", occurredOn: "2026-01-31", arrBefore: 12000.5, arrAfter: 15000 }),
    ]);
  });

  it("marks a newly published model version in the history and explains a change across versions", async () => {
    const admin = await org.contextFor("admin");
    const target = (await visibleScores(admin)).find((s) => s.score !== null)!;
    const reweighted = structuredClone(DEMO_HEALTH_MODEL);
    const [usage, second] = reweighted.categories!;
    [usage!.weight, second!.weight] = [second!.weight, usage!.weight];
    const draft = await createDraftVersion(admin, scorecardId, reweighted);
    await publishVersion(admin, { scorecardId, versionId: draft.id, changeNote: "Usage weighs less" });
    await recomputeOrganization(org.organizationId, {
      trigger: "test",
      now: new Date(TEST_TODAY.getTime() + 43_200_000),
    });

    const story = await loadAccountStory(
      admin,
      target.accountId,
      accountStoryQuerySchema.parse({ from: "2026-06-01", to: "2026-06-15", range: "30" }),
    );
    if (!("change" in story) || !story.change || story.change.delta === null) throw new Error("no change");
    expect(story.latest).toMatchObject({ day: "2026-06-15", versionNumber: 2 });
    expect(story.history.markers).toEqual([{ index: story.history.days.length - 1, label: "v2" }]);
    expect(story.change).toMatchObject({ from: "2026-06-01", to: "2026-06-15", versionChanged: true });
    const steps = story.change.steps;
    const sum = steps.slice(1, -1).reduce((s, x) => s + (x.end - x.start), 0);
    expect(steps[0]!.end + sum).toBeCloseTo(steps.at(-1)!.end, 9);
    expect(steps.at(-1)!.end - steps[0]!.end).toBeCloseTo(story.change.delta, 9);
  });
});
