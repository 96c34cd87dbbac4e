import { beforeAll, describe, expect, it } from "vitest";
import { POST as postBackfill } from "@/app/api/v1/backfill/route";
import { GET as getRun } from "@/app/api/v1/runs/[runId]/route";
import { db } from "@/lib/db/client";
import { getScoringRun, queueScoringRun } from "@/lib/db/scoring-runs";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { cancelBackfill, requestBackfill, runBackfill } from "@/lib/services/scoring/backfill";
import { runDueWork } from "@/lib/services/scoring/scheduler";
import { createApiKey } from "@/lib/services/api-keys";
import type { TenantContext } from "@/lib/tenant";
import { apiRequest, conforms } from "../support/api";
import { createTestOrg, publishHealthScorecard, TEST_TODAY, type TestOrg } from "../support/factories";

const DAY = 86_400_000;
// Past the daily run's hour, on the test data's last day.
const NOW = new Date(TEST_TODAY.getTime() + 12 * 3600_000);
let org: TestOrg;
let admin: TenantContext;
let scorecardId: string;

beforeAll(async () => {
  org = await createTestOrg({ accounts: 12, days: 40, seed: 71 });
  admin = await org.contextFor("admin");
  scorecardId = (await publishHealthScorecard(org.organizationId)).scorecardId;
});

const snapshotDays = async () =>
  (
    await db().scoreSnapshot.groupBy({
      by: ["day"],
      where: { organizationId: org.organizationId, scorecardId },
      orderBy: { day: "asc" },
    })
  ).map((d) => d.day.toISOString().slice(0, 10));

describe("scoring the past from the app", () => {
  it("queues a backfill the worker runs, which scores each past day and keeps the days already scored", async () => {
    // A day scored before (here by hand), which the backfill must leave as it is.
    const kept = new Date(TEST_TODAY.getTime() - 10 * DAY);
    const account = org.accountIds[0]!;
    const version = await db().modelVersion.findFirstOrThrow({
      where: { organizationId: org.organizationId, scorecardId },
      select: { id: true },
    });
    await db().scoreSnapshot.create({
      data: {
        organizationId: org.organizationId,
        scorecardId,
        accountId: account,
        day: kept,
        modelVersionId: version.id,
        score: 12.5,
        tierKey: "at_risk",
        coverage: 1,
      },
    });

    const run = await requestBackfill(admin, 30);
    await expect(requestBackfill(admin, 90)).rejects.toThrow(
      new ValidationError("A backfill is already under way: wait for it to finish."),
    );
    // A recompute asked for meanwhile is a run of its own, not merged into the backfill.
    const recompute = await queueScoringRun(admin, "api", [account]);
    expect(recompute.id).not.toBe(run.id);

    const done = await runDueWork(NOW, [org.organizationId]);
    expect(done).toContainEqual(expect.stringMatching(new RegExp(`^backfill ${run.id}: 30 days, \\d+ snapshots$`)));
    const finished = await getScoringRun(admin, run.id);
    expect(finished).toMatchObject({ trigger: "backfill", status: "succeeded", backfillDays: 30, daysDone: 30 });
    expect(finished.accounts).toBeGreaterThan(0);

    // The 30 days up to the test data's last day (the daily run of the same pass scores the real today too).
    const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
    const past = (await snapshotDays()).filter((d) => d <= iso(TEST_TODAY.getTime()));
    expect(past).toEqual(Array.from({ length: 30 }, (_, i) => iso(TEST_TODAY.getTime() - (29 - i) * DAY)));
    const still = await db().scoreSnapshot.findUniqueOrThrow({
      where: {
        organizationId_scorecardId_day_accountId: {
          organizationId: org.organizationId,
          scorecardId,
          accountId: account,
          day: kept,
        },
      },
      select: { score: true },
    });
    expect(still.score).toBe(12.5);
    // Past days are rolled up for the trends.
    expect(
      await db().scoreRollup.count({ where: { organizationId: org.organizationId, scorecardId, day: kept } }),
    ).toBeGreaterThan(0);
    // Nothing is under way any more: another may be asked for. Further back than the data goes, it starts at the
    // first observation's day: before it, there was nothing to score.
    const longer = await requestBackfill(admin, 90);
    await runDueWork(NOW, [org.organizationId]);
    expect(await getScoringRun(admin, longer.id)).toMatchObject({ status: "succeeded", daysDone: 90 });
    const first = await db().metricObservation.aggregate({
      where: { organizationId: org.organizationId },
      _min: { observedAt: true },
    });
    const firstDay = iso(first._min.observedAt!.getTime());
    expect(firstDay > iso(TEST_TODAY.getTime() - 89 * DAY)).toBe(true);
    expect((await snapshotDays())[0]).toBe(firstDay);
  });

  it("holds no other work up: what falls due while it runs is done between its days", async () => {
    const scoring = await createTestOrg({ accounts: 6, days: 40, seed: 75 });
    const other = await createTestOrg({ accounts: 3, days: 5, seed: 76 });
    await publishHealthScorecard(scoring.organizationId);
    const ids = [scoring.organizationId, other.organizationId];
    // Both had yesterday's daily run; today's falls due a moment after the pass starts, while the backfill runs.
    const justBeforeTheDailyRun = new Date(TEST_TODAY.getTime() + 2 * 3600_000 - 1);
    for (const organizationId of ids)
      await db().scoringRun.create({
        data: {
          organizationId,
          trigger: "schedule",
          status: "succeeded",
          startedAt: new Date(TEST_TODAY.getTime() - DAY + 3 * 3600_000),
        },
      });
    const backfill = await requestBackfill(await scoring.contextFor("admin"), 30);

    const done = await runDueWork(justBeforeTheDailyRun, ids);
    const at = (line: RegExp) => done.findIndex((d) => line.test(d));
    const backfilled = at(new RegExp(`^backfill ${backfill.id}: 30 days`));
    expect(backfilled).toBeGreaterThan(-1);
    expect(at(new RegExp(`^daily run for ${other.organizationId}: \\d+ accounts$`))).toBeGreaterThan(-1);
    expect(at(new RegExp(`^daily run for ${other.organizationId}`))).toBeLessThan(backfilled);
    const daily = await db().scoringRun.findFirstOrThrow({
      where: { organizationId: other.organizationId, trigger: "schedule", status: "succeeded" },
      orderBy: { startedAt: "desc" },
    });
    const finished = await db().scoringRun.findUniqueOrThrow({
      where: { organizationId_id: { organizationId: scoring.organizationId, id: backfill.id } },
    });
    expect(daily.finishedAt!.getTime()).toBeLessThan(finished.finishedAt!.getTime());
  });

  it("is refused while no scorecard is published, since the past is scored with the published ones", async () => {
    const bare = await createTestOrg({ accounts: 2, days: 2, seed: 72 });
    await expect(requestBackfill(await bare.contextFor("admin"), 30)).rejects.toThrow(
      "Publish a scorecard first: the past is scored with the published scorecards.",
    );
  });

  it("stops when asked: a waiting backfill at once, a running one after the day it is scoring, keeping that day", async () => {
    const fresh = await createTestOrg({ accounts: 6, days: 40, seed: 73 });
    const ctx = await fresh.contextFor("admin");
    const { scorecardId: card } = await publishHealthScorecard(fresh.organizationId);
    const waiting = await requestBackfill(ctx, 30);
    await cancelBackfill(ctx, waiting.id);
    expect(await getScoringRun(ctx, waiting.id)).toMatchObject({
      status: "stopped",
      error: "Stopped before it started.",
    });

    const running = await requestBackfill(ctx, 30);
    // As the worker has it: claimed and running, when an admin presses Stop.
    await db().scoringRun.update({
      where: { organizationId_id: { organizationId: fresh.organizationId, id: running.id } },
      data: { status: "running" },
    });
    await cancelBackfill(ctx, running.id);
    expect(await getScoringRun(ctx, running.id)).toMatchObject({ status: "running", stopping: true });
    const result = await runBackfill({ organizationId: fresh.organizationId, id: running.id, days: 30 }, NOW);
    expect(result.stopped).toBe(true);
    expect(await getScoringRun(ctx, running.id)).toMatchObject({
      status: "stopped",
      daysDone: 1,
      error: "Stopped on request after 1 of 30 days; the days scored are kept.",
    });
    const first = new Date(TEST_TODAY.getTime() - 29 * DAY);
    const days = await db().scoreSnapshot.groupBy({
      by: ["day"],
      where: { organizationId: fresh.organizationId, scorecardId: card },
    });
    expect(days.map((d) => d.day)).toEqual([first]);
    expect(
      await db().scoreRollup.count({ where: { organizationId: fresh.organizationId, day: first } }),
    ).toBeGreaterThan(0);

    // Nothing left to stop; another organisation's run is not found.
    await expect(cancelBackfill(ctx, running.id)).rejects.toThrow(
      new ValidationError("This is not a backfill under way, so there is nothing to stop."),
    );
    await expect(cancelBackfill(admin, running.id)).rejects.toThrow(NotFoundError);
  });

  it("goes back in the queue when the worker shuts down, after the day it is scoring, and the next worker runs it", async () => {
    const fresh = await createTestOrg({ accounts: 6, days: 40, seed: 74 });
    const ctx = await fresh.contextFor("admin");
    const { scorecardId: card } = await publishHealthScorecard(fresh.organizationId);
    const run = await requestBackfill(ctx, 20);
    const scoredDays = async () =>
      db().scoreSnapshot.groupBy({
        by: ["day"],
        where: { organizationId: fresh.organizationId, scorecardId: card, day: { lte: TEST_TODAY } },
      });

    // A worker told to stop before its pass claims no backfill.
    const ids = [fresh.organizationId];
    await runDueWork(NOW, ids, { shuttingDown: () => true });
    expect(await getScoringRun(ctx, run.id)).toMatchObject({ status: "queued" });
    expect(await scoredDays()).toHaveLength(0);

    // Told to stop while the backfill scores its first day: that day is kept, the run waits again.
    let asked = 0;
    const stopped = await runDueWork(NOW, ids, { shuttingDown: () => ++asked > 1 });
    expect(stopped).toContain(`backfill ${run.id}: back in the queue as the worker stops, after 1 of 20 days`);
    expect(await getScoringRun(ctx, run.id)).toMatchObject({
      status: "queued",
      daysDone: 0,
      error:
        "The worker stopped after 1 of 20 days; it starts again from the first day when the worker is back (the days scored are kept).",
    });
    expect(await scoredDays()).toHaveLength(1);
    await expect(requestBackfill(ctx, 30)).rejects.toThrow("A backfill is already under way");

    const next = await runDueWork(NOW, ids);
    expect(next).toContainEqual(expect.stringMatching(new RegExp(`^backfill ${run.id}: 20 days, \\d+ snapshots$`)));
    expect(await getScoringRun(ctx, run.id)).toMatchObject({ status: "succeeded", daysDone: 20, error: null });
    expect(await scoredDays()).toHaveLength(20);
  });

  it("is queued through the API too, after loading history, and followed until it has finished", async () => {
    const fresh = await createTestOrg({ accounts: 5, days: 20, seed: 74 });
    const ctx = await fresh.contextFor("admin");
    await publishHealthScorecard(fresh.organizationId);
    const { key } = await createApiKey(ctx, { name: "loader", scopes: ["read", "write"] });
    const { key: reader } = await createApiKey(ctx, { name: "reader", scopes: ["read"] });
    const post = (body: unknown, k = key) => postBackfill(apiRequest("/backfill", k, { method: "POST", body }));

    expect((await post({ days: 30 }, reader)).status).toBe(403);
    const wrong = await post({ days: 45 });
    expect(wrong.status).toBe(400);
    expect((await conforms(wrong, "/backfill", "post")).error.message).toMatch(/days: must be one of 30, 90, 180, 365/);

    const queued = await post({ days: 30 });
    expect(queued.status).toBe(202);
    const { runId } = await conforms(queued, "/backfill", "post");
    const again = await post({ days: 90 });
    expect(again.status).toBe(400);
    expect((await conforms(again, "/backfill", "post")).error.message).toBe(
      "A backfill is already under way: wait for it to finish.",
    );

    await runDueWork(NOW, [fresh.organizationId]);
    const run = await getRun(apiRequest(`/runs/${runId}`, reader), { params: Promise.resolve({ runId }) });
    expect(await conforms(run, "/runs/{runId}", "get")).toMatchObject({
      runId,
      trigger: "backfill",
      status: "succeeded",
      full: true,
      backfillDays: 30,
      daysDone: 30,
      stopping: false,
    });
  });
});
