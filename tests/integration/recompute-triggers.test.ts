import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createDraftVersion } from "@/lib/db/model-versions";
import { queueScoringRun } from "@/lib/db/scoring-runs";
import { DEMO_HEALTH_MODEL } from "@/lib/demo/health-model";
import { ValidationError } from "@/lib/errors";
import { ingest } from "@/lib/services/api/ingest";
import { publishVersion } from "@/lib/services/scorecards/publish";
import { runDueWork } from "@/lib/services/scoring/scheduler";
import { createTestOrg, publishHealthScorecard, type TestOrg } from "../support/factories";

let org: TestOrg;
let scorecardId: string;
let firstVersionId: string;

beforeAll(async () => {
  org = await createTestOrg({ accounts: 24, days: 10, seed: 31 });
  ({ scorecardId, versionId: firstVersionId } = await publishHealthScorecard(org.organizationId));
  // Today's daily run: every active account has today's snapshot.
  await runDueWork(new Date(), [org.organizationId]);
});

const active = () => org.plan.accounts.flatMap((a, i) => (a.status === "active" ? [i] : []));
const queuedRuns = () =>
  db().scoringRun.findMany({
    where: { organizationId: org.organizationId, status: "queued" },
    orderBy: { startedAt: "asc" },
  });

describe("recompute after a data change", () => {
  it("rescores only the accounts an API write touched, while today's rollups still cover the whole portfolio", async () => {
    const admin = await org.contextFor("admin");
    const [a, b] = active();
    const touched = [org.accountIds[a!]!, org.accountIds[b!]!];
    const before = await db().scoreSnapshot.findMany({
      where: { organizationId: org.organizationId, scorecardId, accountId: { notIn: touched } },
      orderBy: [{ accountId: "asc" }, { day: "asc" }],
    });

    const result = await ingest(
      admin,
      "observations",
      [a!, b!].map((i) => ({
        account: org.plan.accounts[i]!.externalId,
        metric: "csat",
        observedAt: new Date().toISOString(),
        value: 1,
      })),
    );
    expect(result).toEqual({ accepted: 2, created: 2, rejected: [] });
    const [queued] = await queuedRuns();
    expect(queued).toMatchObject({ trigger: "api", full: false });
    expect([...queued!.accountIds].sort()).toEqual([...touched].sort());

    expect(await runDueWork(new Date(), [org.organizationId])).toEqual([`queued run ${queued!.id}: 2 accounts`]);
    const after = await db().scoreSnapshot.findMany({
      where: { organizationId: org.organizationId, scorecardId, accountId: { notIn: touched } },
      orderBy: [{ accountId: "asc" }, { day: "asc" }],
    });
    expect(after).toEqual(before);
    const csat = await db().currentScore.findMany({
      where: { organizationId: org.organizationId, scorecardId, accountId: { in: touched } },
      select: { computedAt: true },
    });
    expect(csat.every((c) => c.computedAt.getTime() > Date.now() - 60_000)).toBe(true);
    const day = new Date(new Date().toISOString().slice(0, 10));
    const rollup = await db().scoreRollup.aggregate({
      where: { organizationId: org.organizationId, scorecardId, day, dimension: "organization" },
      _sum: { accounts: true },
    });
    expect(rollup._sum.accounts).toBe(active().length);
  });

  it("merges waiting requests: scoped ones into their union, and a whole-organisation one swallows them", async () => {
    const admin = await org.contextFor("admin");
    const [a, b, c] = org.accountIds;
    const first = await queueScoringRun(admin, "import", [a!, b!]);
    expect((await queueScoringRun(admin, "api", [b!, c!])).id).toBe(first.id);
    let [run] = await queuedRuns();
    expect([...run!.accountIds].sort()).toEqual([a, b, c].sort());
    expect(run!.full).toBe(false);
    expect((await queueScoringRun(admin, "manual")).id).toBe(first.id);
    [run] = await queuedRuns();
    expect(run).toMatchObject({ full: true, accountIds: [] });
    expect((await queueScoringRun(admin, "api", [a!])).id).toBe(first.id);
    expect((await queuedRuns())[0]).toMatchObject({ full: true, accountIds: [] });
    await runDueWork(new Date(), [org.organizationId]);
    expect(await queuedRuns()).toEqual([]);
  });
});

describe("publishing a model version", () => {
  it("refuses an invalid draft, naming the problem, and changes nothing", async () => {
    const admin = await org.contextFor("admin");
    const broken = structuredClone(DEMO_HEALTH_MODEL) as { categories: { weight: number }[] };
    broken.categories[0]!.weight += 5;
    const draft = await createDraftVersion(admin, scorecardId, broken);
    const error = await publishVersion(admin, { scorecardId, versionId: draft.id, changeNote: "oops" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/weights total 105 %/);
    const scorecard = await db().scorecard.findFirstOrThrow({
      where: { organizationId: org.organizationId, id: scorecardId },
    });
    expect(scorecard.publishedVersionId).toBe(firstVersionId);
    expect(await queuedRuns()).toEqual([]);
  });

  it("publishes a draft, supersedes the old version, audits it and rescores every account with the new version", async () => {
    const admin = await org.contextFor("admin");
    const draft = await createDraftVersion(admin, scorecardId, DEMO_HEALTH_MODEL);
    const published = await publishVersion(admin, { scorecardId, versionId: draft.id, changeNote: "Same weights, v2" });
    const [queued] = await queuedRuns();
    expect(queued).toMatchObject({ id: published.runId, trigger: "publish", full: true });
    const versions = await db().modelVersion.findMany({
      where: { organizationId: org.organizationId, scorecardId, id: { in: [firstVersionId, draft.id] } },
      select: { id: true, status: true, publishedById: true, changeNote: true },
    });
    expect(versions.find((v) => v.id === firstVersionId)!.status).toBe("superseded");
    expect(versions.find((v) => v.id === draft.id)).toMatchObject({
      status: "published",
      publishedById: admin.userId,
      changeNote: "Same weights, v2",
    });
    expect(
      await db().auditLog.count({
        where: { organizationId: org.organizationId, action: "scorecard.publish", entityId: scorecardId },
      }),
    ).toBe(1);

    await runDueWork(new Date(), [org.organizationId]);
    const current = await db().currentScore.groupBy({
      by: ["modelVersionId"],
      where: { organizationId: org.organizationId, scorecardId },
      _count: true,
    });
    expect(current).toEqual([{ modelVersionId: draft.id, _count: active().length }]);
  });

  it("treats another organisation's scorecard as not found", async () => {
    const other = await createTestOrg({ accounts: 2, days: 2, seed: 32 });
    const outsider = await other.contextFor("admin");
    await expect(createDraftVersion(outsider, scorecardId, DEMO_HEALTH_MODEL)).rejects.toThrow("Scorecard not found.");
  });
});
