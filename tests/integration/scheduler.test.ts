import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { createImportJob, transitionImportJob } from "@/lib/db/imports";
import { listScoringRuns, queueScoringRun } from "@/lib/db/scoring-runs";
import { listenForQueuedWork } from "@/lib/db/work-signal";
import { runDueWork, scheduleWindow } from "@/lib/services/scoring/scheduler";
import { createTestOrg, publishHealthScorecard, type TestOrg } from "../support/factories";

let org: TestOrg;
beforeAll(async () => {
  org = await createTestOrg({ accounts: 15, days: 10, seed: 21 });
  await publishHealthScorecard(org.organizationId);
});

describe("scoring worker", () => {
  it("knows the last and next scheduled times", () => {
    const { last, next } = scheduleWindow(new Date("2026-11-22T01:30:00Z"), 2);
    expect(last.toISOString()).toBe("2026-11-21T02:00:00.000Z");
    expect(next.toISOString()).toBe("2026-11-22T02:00:00.000Z");
    expect(scheduleWindow(new Date("2026-11-22T02:00:00Z"), 2).last.toISOString()).toBe("2026-11-22T02:00:00.000Z");
  });

  it("runs the daily recompute once per day, and a queued 'recompute now' at once", async () => {
    const ids = [org.organizationId];
    const now = new Date();
    // (The test data is of an earlier day: stages by days as a customer may move first.)
    const first = (await runDueWork(now, ids)).filter((line) => !/moved stage or segment/.test(line));
    expect(first).toEqual([expect.stringMatching(/^daily run for .*: \d+ accounts$/)]);
    expect(await runDueWork(now, ids)).toEqual([]);
    const active = org.plan.accounts.filter((a) => a.status === "active").length;
    expect(await db().currentScore.count({ where: { organizationId: org.organizationId } })).toBe(active);

    const admin = await org.contextFor("admin");
    const queued = await queueScoringRun(admin, "manual");
    // Asking twice while one waits queues nothing more.
    expect((await queueScoringRun(admin, "manual")).id).toBe(queued.id);
    expect(await runDueWork(now, ids)).toEqual([`queued run ${queued.id}: ${active} accounts`]);
    const runs = await listScoringRuns(admin);
    expect(runs.map((r) => [r.trigger, r.status])).toEqual([
      ["manual", "succeeded"],
      ["schedule", "succeeded"],
    ]);
  });

  it("queues a new run when data changes while another run is already running", async () => {
    const admin = await org.contextFor("admin");
    const running = await db().scoringRun.create({
      data: { organizationId: org.organizationId, trigger: "schedule", status: "running" },
    });
    const queued = await queueScoringRun(admin, "import");
    expect(queued.id).not.toBe(running.id);
    expect(queued.status).toBe("queued");
    await db().scoringRun.update({
      where: { organizationId_id: { organizationId: org.organizationId, id: running.id } },
      data: { status: "succeeded" },
    });
    await runDueWork(new Date(), [org.organizationId]);
  });

  it("is signalled the moment an import or a recompute is queued, not at its next look", async () => {
    const admin = await org.contextFor("admin");
    let signals = 0;
    // Only this organisation's work counts: other test files queue theirs meanwhile.
    const listener = listenForQueuedWork((organizationId) => {
      if (organizationId === null || organizationId === org.organizationId) signals++;
    });
    try {
      // Once listening, it asks for a look straight away (work queued while no one listened).
      await vi.waitFor(() => expect(signals).toBe(1));
      await queueScoringRun(admin, "manual");
      await vi.waitFor(() => expect(signals).toBe(2));
      const job = await createImportJob(admin, { kind: "observations", fileName: "feed.csv", mapping: {} });
      expect(await transitionImportJob(org.organizationId, job.id, ["uploaded"], "queued")).toBe(true);
      await vi.waitFor(() => expect(signals).toBe(3));
      // A job no longer waiting to be queued signals nothing.
      expect(await transitionImportJob(org.organizationId, job.id, ["uploaded"], "queued")).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(signals).toBe(3);
    } finally {
      await listener.stop();
      await db().importJob.deleteMany({ where: { organizationId: org.organizationId } });
      await runDueWork(new Date(), [org.organizationId]);
    }
  });

  it("listens again after its connection is cut, and hears work queued after that", async () => {
    const admin = await org.contextFor("admin");
    let signals = 0;
    const lines: string[] = [];
    const listener = listenForQueuedWork(
      (organizationId) => {
        if (organizationId === null || organizationId === org.organizationId) signals++;
      },
      (line) => lines.push(line),
      50,
    );
    try {
      await vi.waitFor(() => expect(signals).toBe(1));
      // An administrator (or a restart) ends the listening connection.
      await db()
        .$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN pulseboard_work'`;
      await vi.waitFor(() =>
        expect(lines).toEqual([
          expect.stringMatching(/^listening for queued work failed \(.*\); trying again in 0.05 s$/),
        ]),
      );
      // Connected again, it looks once (work may have been queued meanwhile), then hears new work.
      await vi.waitFor(() => expect(signals).toBe(2));
      await queueScoringRun(admin, "manual");
      await vi.waitFor(() => expect(signals).toBe(3));
    } finally {
      await listener.stop();
      await runDueWork(new Date(), [org.organizationId]);
    }
  });
});
