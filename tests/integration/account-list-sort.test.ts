import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listAccounts } from "@/lib/db/accounts";
import { recomputeOrganization } from "@/lib/services/scoring/recompute";
import { accountListQuerySchema } from "@/lib/validation/accounts";
import { createTestOrg, publishHealthScorecard, TEST_TODAY, type TestOrg } from "../support/factories";

// The accounts list sorted by score: scored accounts by their current score, then those without one by name.
let org: TestOrg;
let scorecardId: string;

beforeAll(async () => {
  org = await createTestOrg({ accounts: 30, days: 7, seed: 91 });
  ({ scorecardId } = await publishHealthScorecard(org.organizationId));
  await recomputeOrganization(org.organizationId, {
    trigger: "test",
    now: new Date(TEST_TODAY.getTime() + 12 * 3600_000),
  });
  // An account added since the last run has no score yet.
  await db().currentScore.deleteMany({ where: { organizationId: org.organizationId, accountId: org.accountIds[3] } });
});

/** Every page of the list sorted by score in `dir`, 25 a page. */
async function allPages(key: string, dir: "asc" | "desc") {
  const ctx = await org.contextFor(key);
  const items = [];
  for (let page = 1; ; page++) {
    const q = accountListQuerySchema.parse({ sort: "score", dir, size: "25", page: String(page) });
    const result = await listAccounts(ctx, q, scorecardId);
    items.push(...result.items);
    if (page * 25 >= result.total) return { total: result.total, items };
  }
}

describe("the accounts list sorted by score", () => {
  it.each(["asc", "desc"] as const)(
    "pages through scored accounts by score (%s), then the unscored ones by name",
    async (dir) => {
      const { total, items } = await allPages("admin", dir);
      expect(new Set(items.map((r) => r.id)).size).toBe(total);
      expect(total).toBe(30);
      const scored = items.filter((r) => r.tierKey !== null);
      const unscored = items.slice(scored.length);
      expect(items.slice(0, scored.length)).toEqual(scored);
      const scores = scored.map((r) => r.score ?? (dir === "asc" ? Infinity : -Infinity));
      expect(scores).toEqual([...scores].sort((a, b) => (dir === "asc" ? a - b : b - a)));
      expect(unscored.map((r) => r.id)).toContain(org.accountIds[3]);
      expect(unscored.every((r) => r.tierKey === null)).toBe(true);
      expect(unscored.map((r) => r.name)).toEqual(
        unscored.map((r) => r.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
      );
    },
  );

  it("keeps to the caller's book", async () => {
    const { items } = await allPages("csm:0:1", "asc");
    const own = org.plan.accounts.flatMap((a, i) => (a.ownerKey === "csm:0:1" ? [org.accountIds[i]!] : []));
    expect(items.map((r) => r.id).sort()).toEqual(own.sort());
  });
});
