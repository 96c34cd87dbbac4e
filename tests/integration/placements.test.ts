import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { addSegmentMembers, assignAccountStage, createSegment, placeAsDaysPass } from "@/lib/services/segments/manage";
import { runDueWork } from "@/lib/services/scoring/scheduler";
import { segmentFormSchema } from "@/lib/validation/segments";
import { createTestOrg, publishHealthScorecard, type TestOrg } from "../support/factories";

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
