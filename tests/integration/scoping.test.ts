import { beforeAll, describe, expect, it } from "vitest";
import { getAccountOrThrow, listAccounts } from "@/lib/db/accounts";
import { NotFoundError } from "@/lib/errors";
import { accountListQuerySchema } from "@/lib/validation/accounts";
import { createTestOrg, type TestOrg } from "../support/factories";

let org: TestOrg;
beforeAll(async () => {
  org = await createTestOrg({ accounts: 60, days: 7, seed: 5 });
});

const all = accountListQuerySchema.parse({ size: "100" });
const planned = () => org.plan.accounts.map((a, i) => ({ ...a, id: org.accountIds[i]! }));

describe("who sees which accounts", () => {
  it("a CSM sees exactly their own book and nothing else by id", async () => {
    const csm = await org.contextFor("csm:0:1");
    const own = planned().filter((a) => a.ownerKey === "csm:0:1");
    const { total, items } = await listAccounts(csm, all);
    expect(total).toBe(own.length);
    expect(items.map((r) => r.id).sort()).toEqual(own.map((a) => a.id).sort());
    const other = planned().find((a) => a.ownerKey !== "csm:0:1")!;
    await expect(getAccountOrThrow(csm, other.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAccountOrThrow(csm, "not-an-id")).rejects.toBeInstanceOf(NotFoundError);
    const detail = await getAccountOrThrow(csm, own[0]!.id);
    expect(detail).toMatchObject({ id: own[0]!.id, name: own[0]!.name, owner: { id: org.userIds["csm:0:1"] } });
    expect(detail.team?.id).toBe(org.teamIds[0]);
    const listed = items.find((r) => r.id === own[0]!.id)!;
    expect(detail.segments.map((s) => s.name).sort()).toEqual(listed.segments);
    expect(detail.stage?.name ?? null).toBe(listed.stage);
    expect(detail).toMatchObject({ arr: listed.arr, renewalDate: listed.renewalDate, startDate: listed.startDate });
  });

  it("a CSM cannot widen the scope with filters", async () => {
    const csm = await org.contextFor("csm:0:1");
    const { total } = await listAccounts(csm, accountListQuerySchema.parse({ owner: org.userIds["csm:0:2"] }));
    expect(total).toBe(0);
  });

  it("a manager sees the accounts of their team", async () => {
    const manager = await org.contextFor("manager:1");
    const team = planned().filter((a) => a.teamIndex === 1);
    const { total } = await listAccounts(manager, all);
    expect(total).toBe(team.length);
    const outside = planned().find((a) => a.teamIndex !== 1)!;
    await expect(getAccountOrThrow(manager, outside.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("admins, owners and viewers see the whole organisation", async () => {
    for (const key of ["admin", "owner", "viewer"]) {
      const { total } = await listAccounts(await org.contextFor(key), all);
      expect(total).toBe(60);
    }
  });

  it("sorts and pages on the server", async () => {
    const admin = await org.contextFor("admin");
    const page1 = await listAccounts(admin, accountListQuerySchema.parse({ sort: "arr", dir: "desc", size: "25" }));
    const page2 = await listAccounts(
      admin,
      accountListQuerySchema.parse({ sort: "arr", dir: "desc", size: "25", page: "2" }),
    );
    const arrs = [...page1.items, ...page2.items].map((r) => r.arr);
    expect(arrs).toEqual([...arrs].sort((x, y) => y - x));
    expect(new Set([...page1.items, ...page2.items].map((r) => r.id)).size).toBe(50);
    const top = Math.max(...org.plan.accounts.map((a) => a.arr));
    expect(page1.items[0]!.arr).toBe(top);
  });

  it("searches by name, external id and domain", async () => {
    const admin = await org.contextFor("admin");
    const target = planned()[7]!;
    for (const q of [target.name.slice(0, 8), target.externalId, target.domain]) {
      const { items } = await listAccounts(admin, accountListQuerySchema.parse({ q }));
      expect(items.map((r) => r.id)).toContain(target.id);
    }
  });
});
