import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { addSegmentMembers, assignAccountStage, createSegment, placeAsDaysPass } from "@/lib/services/segments/manage";
import { runDueWork } from "@/lib/services/scoring/scheduler";
import { segmentFormSchema } from "@/lib/validation/segments";
import { loadPortfolioAccounts } from "@/lib/db/scoring-inputs";
import { backfillHistory } from "@/lib/services/scoring/backfill";
import { loadPastPlacement } from "@/lib/services/scoring/past-placement";
import { createTestOrg, publishHealthScorecard, TEST_TODAY, type TestOrg } from "../support/factories";

const DAY = 86_400_000;
// The day the test starts on, well after the test data's, and ten days on.
const T0 = new Date("2027-03-01T12:00:00Z");
const LATER = new Date(T0.getTime() + 10 * DAY);
let org: TestOrg;

beforeAll(async () => {
  org = await createTestOrg({ accounts: 8, days: 5, seed: 41 });
  await publishHealthScorecard(org.organizationId);
});

describe("placing accounts as the days pass", () => {
  it("moves unpinned accounts on to the next stage and into date-rule segments in the daily run", async () => {
    const admin = await org.contextFor("admin");
    const [fresh, pinned, byHand] = org.plan.accounts.flatMap((a, i) =>
      a.status === "active" ? [{ id: org.accountIds[i]!, externalId: a.externalId }] : [],
    );
    // Customers for 80 days, renewing in 200: "Onboarding" (under 90 days) now, "Adoption" ten days on.
    await db().account.updateMany({
      where: { organizationId: org.organizationId, id: { in: [fresh!.id, pinned!.id, byHand!.id] } },
      data: { startDate: new Date(T0.getTime() - 80 * DAY), renewalDate: new Date(T0.getTime() + 200 * DAY) },
    });
    const veterans = await createSegment(
      admin,
      segmentFormSchema.parse({
        key: "veterans",
        name: "Veterans",
        rule: JSON.stringify({ combinator: "all", conditions: [{ field: "tenureDays", op: "gte", value: "85" }] }),
      }),
      T0,
    );
    await assignAccountStage(admin, pinned!.id, org.stageIds.onboarding!, T0);
    await addSegmentMembers(admin, veterans.id, [byHand!.externalId]);
    const stageOf = async (id: string) =>
      (await db().account.findFirstOrThrow({ where: { organizationId: org.organizationId, id } })).lifecycleStageId;
    const veteranIds = async () =>
      (await db().accountSegment.findMany({ where: { organizationId: org.organizationId, segmentId: veterans.id } }))
        .map((m) => `${m.accountId}:${m.source}`)
        .sort();
    expect(await stageOf(fresh!.id)).toBe(org.stageIds.onboarding);
    expect(await veteranIds()).not.toContain(`${fresh!.id}:rule`);

    const done = await runDueWork(LATER, [org.organizationId]);
    expect(done).toContainEqual(expect.stringMatching(/: \d+ accounts moved stage or segment as the days passed$/));
    expect(done).toContainEqual(expect.stringMatching(/^daily run for .*: \d+ accounts$/));
    expect(await stageOf(fresh!.id)).toBe(org.stageIds.adoption);
    // A stage an admin pinned stays; segments still follow their rules; a member added by hand stays one.
    expect(await stageOf(pinned!.id)).toBe(org.stageIds.onboarding);
    expect(await veteranIds()).toEqual(
      expect.arrayContaining([`${fresh!.id}:rule`, `${pinned!.id}:rule`, `${byHand!.id}:manual`]),
    );
    // The day's scores use the day's stage.
    const score = await db().currentScore.findFirstOrThrow({
      where: { organizationId: org.organizationId, accountId: fresh!.id },
      select: { variantKey: true },
    });
    expect(score.variantKey).not.toBe("onboarding");

    // Placing again the same day moves no one.
    expect(await placeAsDaysPass(org.organizationId, LATER)).toBe(0);
  });
});

describe("placing accounts as of a past day, for scoring the past", () => {
  let past: TestOrg;
  let ids: { onboarded: string; renewed: string; pinned: string };
  const on = (days: number) => new Date(TEST_TODAY.getTime() - days * DAY);

  beforeAll(async () => {
    past = await createTestOrg({ accounts: 8, days: 40, seed: 42 });
    await publishHealthScorecard(past.organizationId);
    const active = past.plan.accounts.flatMap((a, i) => (a.status === "active" ? [past.accountIds[i]!] : []));
    ids = { onboarded: active[0]!, renewed: active[1]!, pinned: active[2]! };
    const set = (id: string, startDays: number, renewalDays: number) =>
      db().account.updateMany({
        where: { organizationId: past.organizationId, id },
        data: { startDate: on(startDays), renewalDate: on(-renewalDays) },
      });
    // 95 days a customer today: "Onboarding" until 6 days ago.
    await set(ids.onboarded, 95, 200);
    // Renewed 10 days ago, next renewal in 355 days: in "Renewal" for the 90 days before it renewed.
    await set(ids.renewed, 800, 355);
    await db().outcome.create({
      data: { organizationId: past.organizationId, accountId: ids.renewed, kind: "renewed", occurredOn: on(10) },
    });
    await set(ids.pinned, 95, 200);
    const admin = await past.contextFor("admin");
    await assignAccountStage(admin, ids.pinned, past.stageIds.mature!, TEST_TODAY);
    await placeAsDaysPass(past.organizationId, TEST_TODAY);
  });

  it("gives each day the stages its rules gave then, with the renewal date of then; a pinned stage holds", async () => {
    const accounts = await loadPortfolioAccounts(past.organizationId);
    const placementOn = (await loadPastPlacement(past.organizationId, accounts))!;
    const at = (id: string) => accounts.ids.indexOf(id);
    const positions = [at(ids.onboarded), at(ids.renewed), at(ids.pinned)];
    expect(placementOn(on(20), positions).stages).toEqual(["onboarding", "renewal", "mature"]);
    expect(placementOn(on(7), positions).stages).toEqual(["onboarding", "mature", "mature"]);
    expect(placementOn(on(5), positions).stages).toEqual(["adoption", "mature", "mature"]);
    // 190 days before the renewal it made 10 days ago: not yet renewing.
    expect(placementOn(on(200), positions).stages[1]).toBe("mature");
  });

  it("scores each past day with the variant of that day's stage", async () => {
    await backfillHistory(past.organizationId, { days: 20, today: TEST_TODAY });
    const snapshots = await db().scoreSnapshot.findMany({
      where: { organizationId: past.organizationId, accountId: { in: [ids.onboarded, ids.pinned] } },
      select: { accountId: true, day: true, variantKey: true },
    });
    const variant = (id: string, days: number) =>
      snapshots.find((s) => s.accountId === id && s.day.getTime() === on(days).getTime())?.variantKey;
    expect(variant(ids.onboarded, 7)).toBe("onboarding");
    expect(variant(ids.onboarded, 5)).not.toBe("onboarding");
    expect(variant(ids.onboarded, 5)).toBeDefined();
    expect(variant(ids.pinned, 7)).not.toBe("onboarding");
  });

  it("rolls each past day up by the stages and segments of that day", async () => {
    // After the backfill above: each day's stage and segment rollups count that day's snapshots as placed then.
    const accounts = await loadPortfolioAccounts(past.organizationId);
    const placementOn = (await loadPastPlacement(past.organizationId, accounts))!;
    const segments = await db().segment.findMany({ where: { organizationId: past.organizationId } });
    const segmentId = new Map(segments.map((s) => [s.key, s.id]));
    for (const days of [19, 7, 5, 1]) {
      const snapshots = await db().scoreSnapshot.findMany({
        where: { organizationId: past.organizationId, day: on(days) },
        select: { accountId: true },
      });
      const placed = placementOn(
        on(days),
        snapshots.map((s) => accounts.ids.indexOf(s.accountId)),
      );
      const expected: Record<string, number> = {};
      const count = (key: string) => (expected[key] = (expected[key] ?? 0) + 1);
      for (const stage of placed.stages) count(`stage:${stage === null ? "none" : past.stageIds[stage]}`);
      for (const keys of placed.segments) for (const key of keys) count(`segment:${segmentId.get(key)}`);
      const rollups = await db().scoreRollup.findMany({
        where: { organizationId: past.organizationId, day: on(days), dimension: { in: ["stage", "segment"] } },
      });
      const actual: Record<string, number> = {};
      for (const r of rollups)
        actual[`${r.dimension}:${r.dimensionKey}`] = (actual[`${r.dimension}:${r.dimensionKey}`] ?? 0) + r.accounts;
      expect(actual, `day −${days}`).toEqual(expected);
    }
    // The account onboarding until 6 days ago is counted in Onboarding on day −7 and in Adoption on day −5.
    const inStage = async (days: number, stage: string) =>
      (
        await db().scoreRollup.aggregate({
          where: {
            organizationId: past.organizationId,
            day: on(days),
            dimension: "stage",
            dimensionKey: past.stageIds[stage],
          },
          _sum: { accounts: true },
        })
      )._sum.accounts ?? 0;
    expect(await inStage(7, "onboarding")).toBe((await inStage(5, "onboarding")) + 1);
  });
});
