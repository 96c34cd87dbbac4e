import { beforeAll, describe, expect, it } from "vitest";
import { getAccountOrThrow, listAccountFilterOptions, listAccounts, listLatestMetricValues } from "@/lib/db/accounts";
import { getMemberOrThrow, listMembers } from "@/lib/db/memberships";
import { insertObservations } from "@/lib/db/observations";
import { loadSessionPrincipal, createAuthSession } from "@/lib/db/sessions";
import { getTeamOrThrow } from "@/lib/db/teams";
import { NotFoundError } from "@/lib/errors";
import { addMember, changeMemberRole, changeMemberTeam, removeMember, setMemberActive } from "@/lib/services/members";
import { switchOrganization } from "@/lib/services/profile";
import type { TenantContext } from "@/lib/tenant";
import { accountListQuerySchema } from "@/lib/validation/accounts";
import { createTestOrg, type TestOrg } from "../support/factories";

let a: TestOrg;
let b: TestOrg;
let adminA: TenantContext;

beforeAll(async () => {
  [a, b] = await Promise.all([
    createTestOrg({ accounts: 12, days: 14, seed: 1 }),
    createTestOrg({ accounts: 12, days: 14, seed: 2 }),
  ]);
  adminA = await a.contextFor("owner");
});

const notFound = expect.any(NotFoundError);
const all = accountListQuerySchema.parse({ size: "100" });

/** Members of A owning at least one account the caller can see, asked one owner filter at a time. */
async function ownersWithAccounts(ctx: TenantContext): Promise<string[]> {
  const owners: string[] = [];
  for (const id of Object.values(a.userIds))
    if ((await listAccounts(ctx, accountListQuerySchema.parse({ owner: id }))).total > 0) owners.push(id);
  return owners.sort();
}

describe("another organisation's ids answer 'not found'", () => {
  it("accounts and their metric values", async () => {
    await expect(getAccountOrThrow(adminA, b.accountIds[0]!)).rejects.toEqual(notFound);
    await expect(listLatestMetricValues(adminA, b.accountIds[0]!, new Date())).rejects.toEqual(notFound);
  });

  it("members, whatever is done to them", async () => {
    const foreign = b.userIds["csm:0:1"]!;
    await expect(getMemberOrThrow(adminA, foreign)).rejects.toEqual(notFound);
    await expect(changeMemberRole(adminA, foreign, "admin")).rejects.toEqual(notFound);
    await expect(setMemberActive(adminA, foreign, false)).rejects.toEqual(notFound);
    await expect(removeMember(adminA, foreign)).rejects.toEqual(notFound);
    await expect(changeMemberTeam(adminA, foreign, null)).rejects.toEqual(notFound);
  });

  it("teams", async () => {
    await expect(getTeamOrThrow(adminA, b.teamIds[0]!)).rejects.toEqual(notFound);
    await expect(changeMemberTeam(adminA, a.userIds["csm:0:1"]!, b.teamIds[0]!)).rejects.toEqual(notFound);
    await expect(
      addMember(adminA, { email: `new-${a.plan.slug}@x.test`, name: "New", role: "csm", teamId: b.teamIds[0]! }),
    ).rejects.toEqual(notFound);
  });

  it("organisations the user does not belong to", async () => {
    const principal = await loadSessionPrincipal((await createAuthSession({ userId: a.userIds.owner! })).id);
    await expect(switchOrganization(principal!, b.organizationId)).rejects.toEqual(notFound);
  });

  it("segments, stages, teams and owners as filters match nothing", async () => {
    for (const filter of [
      { segment: Object.values(b.segmentIds)[0] },
      { stage: Object.values(b.stageIds)[0] },
      { team: b.teamIds[0] },
      { owner: b.userIds["csm:0:1"] },
    ]) {
      const { total } = await listAccounts(adminA, accountListQuerySchema.parse({ ...filter }));
      expect(total).toBe(0);
    }
  });
});

describe("lists never mix organisations", () => {
  it("accounts", async () => {
    const { total, items } = await listAccounts(adminA, all);
    expect(total).toBe(12);
    expect(items.every((r) => a.accountIds.includes(r.id))).toBe(true);
  });

  it("members and filter options", async () => {
    const members = await listMembers(adminA);
    expect(members.map((m) => m.userId).sort()).toEqual(Object.values(a.userIds).sort());
    const options = await listAccountFilterOptions(adminA);
    expect(options.teams.map((t) => t.id).sort()).toEqual([...a.teamIds].sort());
    expect(options.segments.every((s) => Object.values(a.segmentIds).includes(s.id))).toBe(true);
    expect(options.stages.map((s) => s.id).sort()).toEqual(Object.values(a.stageIds).sort());
    expect(options.owners.map((o) => o.id).sort()).toEqual(await ownersWithAccounts(adminA));
  });

  it("filter options stay inside a manager's teams and a CSM's book", async () => {
    const manager = await a.contextFor("manager:0");
    const byManager = await listAccountFilterOptions(manager);
    expect(byManager.teams.map((t) => t.id)).toEqual(manager.scope.kind === "teams" ? manager.scope.teamIds : []);
    expect(byManager.owners.map((o) => o.id).sort()).toEqual(await ownersWithAccounts(manager));
    expect(byManager.owners.length).toBeGreaterThan(0);
    const csm = await a.contextFor("csm:0:1");
    expect((await listAccountFilterOptions(csm)).owners.map((o) => o.id)).toEqual(await ownersWithAccounts(csm));
  });
});

describe("the database itself refuses cross-tenant references", () => {
  it("an observation of organisation A cannot point at an account of B", async () => {
    await expect(
      insertObservations(a.organizationId, {
        accountId: [b.accountIds[0]!],
        metricId: [Object.values(a.metricIds)[0]!],
        observedAt: [new Date()],
        value: [1],
        textValue: [null],
        source: "api",
      }),
    ).rejects.toThrow(/foreign key/i);
  });
});
