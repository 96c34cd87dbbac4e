import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ConflictError, ValidationError } from "@/lib/errors";
import {
  addSegmentMembers,
  assignAccountStage,
  createSegment,
  createStage,
  deleteSegment,
  deleteStage,
  moveStage,
  previewRule,
  removeSegmentMember,
  updateSegment,
} from "@/lib/services/segments/manage";
import { segmentFormSchema, stageFormSchema } from "@/lib/validation/segments";
import { createTestOrg, publishHealthScorecard, type TestOrg } from "../support/factories";

let org: TestOrg;
const rule = (combinator: "all" | "any", ...conditions: [string, string, string][]) =>
  JSON.stringify({ combinator, conditions: conditions.map(([field, op, value]) => ({ field, op, value })) });
const members = (segmentId: string) =>
  db().accountSegment.findMany({
    where: { organizationId: org.organizationId, segmentId },
    select: { accountId: true, source: true },
  });
const active = () =>
  org.plan.accounts.flatMap((a, i) => (a.status === "active" ? [{ ...a, id: org.accountIds[i]! }] : []));

beforeAll(async () => {
  org = await createTestOrg({ accounts: 30, days: 5, seed: 21 });
  await publishHealthScorecard(org.organizationId);
});

describe("segments", () => {
  it("previews how many accounts a rule matches, with or / and", async () => {
    const admin = await org.contextFor("admin");
    const big = segmentFormSchema.shape.rule.parse(rule("all", ["arr", "gte", "50,000"]));
    const preview = await previewRule(admin, big);
    expect(preview.total).toBe(active().length);
    expect(preview.matching).toBe(active().filter((a) => a.arr >= 50_000).length);
    const plans = [...new Set(active().map((a) => a.plan))].slice(0, 2);
    const either = segmentFormSchema.shape.rule.parse(
      rule("any", ["plan", "eq", plans[0]!], ["plan", "in", plans.join(", ")]),
    );
    expect((await previewRule(admin, either)).matching).toBe(active().filter((a) => plans.includes(a.plan)).length);
  });

  it("refuses a bad rule naming the condition, and a key already in use", () => {
    const bad = segmentFormSchema.safeParse({ key: "big", name: "Big", rule: rule("all", ["arr", "gte", "lots"]) });
    expect(bad.error!.issues[0]).toMatchObject({ path: ["rule", "conditions", 0], message: '"lots" is not a number' });
    const empty = segmentFormSchema.safeParse({
      key: "big",
      name: "Big",
      rule: JSON.stringify({ combinator: "all", conditions: [] }),
    });
    expect(empty.error!.issues[0]!.message).toBe("Add at least one condition");
  });

  it("creates a rule segment whose members are exactly the matching accounts; a rescore is queued; audited", async () => {
    const admin = await org.contextFor("admin");
    const form = segmentFormSchema.parse({
      key: "big-seats",
      name: "Many seats",
      rule: rule("all", ["seats", "gte", "100"]),
    });
    const { id } = await createSegment(admin, form);
    const expected = org.plan.accounts.flatMap((a, i) => (a.seats >= 100 ? [org.accountIds[i]!] : []));
    expect((await members(id)).map((m) => m.accountId).sort()).toEqual(expected.sort());
    expect(await db().scoringRun.count({ where: { organizationId: org.organizationId, status: "queued" } })).toBe(1);
    await expect(createSegment(admin, form)).rejects.toThrow(ConflictError);

    await updateSegment(
      admin,
      id,
      segmentFormSchema.parse({ ...form, rule: rule("all", ["seats", "gte", "1000000"]) }),
    );
    expect(await members(id)).toEqual([]);
    const renamed = await updateSegment(admin, id, { ...form, key: "other" }).catch((e: unknown) => e);
    expect((renamed as ValidationError).fieldErrors).toEqual({ key: ["cannot change"] });
    expect(await db().auditLog.count({ where: { organizationId: org.organizationId, entityId: id } })).toBe(2);
  });

  it("keeps a hand-kept segment: adds accounts by id (naming unknown ones, adding none then), removes them", async () => {
    const admin = await org.contextFor("admin");
    const { id } = await createSegment(admin, segmentFormSchema.parse({ key: "pilot", name: "Pilot", rule: "" }));
    const [a, b] = active();
    const unknown = await addSegmentMembers(admin, id, [a!.externalId, "NOPE-1"]).catch((e: unknown) => e);
    expect((unknown as ValidationError).message).toBe("No account with the id NOPE-1.");
    expect(await members(id)).toEqual([]);
    await addSegmentMembers(admin, id, [a!.externalId, b!.externalId]);
    expect((await members(id)).map((m) => m.source)).toEqual(["manual", "manual"]);
    await removeSegmentMember(admin, id, a!.id);
    expect(await members(id)).toEqual([{ accountId: b!.id, source: "manual" }]);
    const other = await createTestOrg({ accounts: 2, days: 2, seed: 22 });
    await expect(removeSegmentMember(await other.contextFor("admin"), id, b!.id)).rejects.toThrow("Segment not found.");
  });

  it("will not delete a segment a published variant matches on", async () => {
    const admin = await org.contextFor("admin");
    await expect(deleteSegment(admin, org.segmentIds.enterprise!)).rejects.toThrow(/matched by Health · Enterprise/);
  });
});

describe("lifecycle stages", () => {
  const stageOf = async (accountId: string) =>
    (await db().account.findFirstOrThrow({ where: { organizationId: org.organizationId, id: accountId } }))
      .lifecycleStageId;

  it("places each account in the first stage it matches, in the order admins set; pinned accounts stay", async () => {
    const admin = await org.contextFor("admin");
    const [a, b] = active();
    const { id } = await createStage(
      admin,
      stageFormSchema.parse({ key: "vip", name: "VIP", rule: rule("all", ["arr", "gte", "0"]) }),
    );
    // Last in the order: earlier stages still win.
    expect(await stageOf(a!.id)).not.toBe(id);
    await assignAccountStage(admin, b!.id, org.stageIds.mature!);
    for (let i = 0; i < 4; i++) await moveStage(admin, id, "up");
    // First now, and it matches everyone: every unpinned account is a VIP.
    expect(await stageOf(a!.id)).toBe(id);
    expect(await stageOf(b!.id)).toBe(org.stageIds.mature);
    await assignAccountStage(admin, b!.id, null);
    expect(await stageOf(b!.id)).toBe(id);
    await deleteStage(admin, id);
    expect(await stageOf(a!.id)).not.toBe(id);
    expect(await stageOf(a!.id)).not.toBeNull();
  });

  it("will not delete a stage a published variant matches on", async () => {
    const admin = await org.contextFor("admin");
    await expect(deleteStage(admin, org.stageIds.onboarding!)).rejects.toThrow(/matched by Health · Onboarding/);
  });
});
