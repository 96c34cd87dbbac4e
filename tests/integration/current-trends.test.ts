import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { backfillHistory } from "@/lib/services/scoring/backfill";
import { recomputeOrganization } from "@/lib/services/scoring/recompute";
import { createTestOrg, publishHealthScorecard, TEST_TODAY, type TestOrg } from "../support/factories";

/**
 * A current score's trend figures — deltas to days −7/−30/−90, the 30-day
 * least-squares slope and the tier 30 days earlier — checked against the
 * stored snapshots they come from, over more than 90 days of history.
 */
let org: TestOrg;
let scorecardId: string;
const DAY = 86_400_000;

beforeAll(async () => {
  org = await createTestOrg({ accounts: 12, days: 100, seed: 81 });
  ({ scorecardId } = await publishHealthScorecard(org.organizationId));
  await backfillHistory(org.organizationId, { days: 95, today: TEST_TODAY });
}, 120_000);

function slope(points: [number, number][]): number | null {
  if (points.length < 2) return null;
  const mx = points.reduce((s, [x]) => s + x, 0) / points.length;
  const my = points.reduce((s, [, y]) => s + y, 0) / points.length;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx === 0 ? null : points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx;
}

/** What each account's trend figures must be, from its snapshots up to `today`. */
async function expectedTrends(today: Date) {
  const snapshots = await db().scoreSnapshot.findMany({
    where: { organizationId: org.organizationId, scorecardId, day: { lte: today } },
    select: { accountId: true, day: true, score: true, tierKey: true },
  });
  const byAccount = new Map<string, Map<number, { score: number | null; tierKey: string }>>();
  for (const s of snapshots) {
    const back = Math.round((today.getTime() - s.day.getTime()) / DAY);
    if (!byAccount.has(s.accountId)) byAccount.set(s.accountId, new Map());
    byAccount.get(s.accountId)!.set(back, s);
  }
  return new Map(
    [...byAccount].map(([accountId, days]) => {
      const score = days.get(0)!.score;
      const delta = (back: number) => {
        const then = days.get(back)?.score;
        return score === null || then === null || then === undefined ? null : score - then;
      };
      const recent = [...days]
        .filter(([back, s]) => back < 30 && s.score !== null)
        .map(([back, s]): [number, number] => [-back, s.score!]);
      return [
        accountId,
        {
          delta7: delta(7),
          delta30: delta(30),
          delta90: delta(90),
          slope30: slope(recent),
          tier30: days.get(30)?.tierKey ?? "none",
        },
      ];
    }),
  );
}

async function currentTrends() {
  const rows = await db().currentScore.findMany({
    where: { organizationId: org.organizationId, scorecardId },
    select: { accountId: true, delta7: true, delta30: true, delta90: true, slope30: true, tier30: true },
  });
  return new Map(rows.map(({ accountId, ...trend }) => [accountId, trend]));
}

function expectSame(actual: Map<string, Record<string, unknown>>, expected: Map<string, Record<string, unknown>>) {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [accountId, want] of expected) {
    const got = actual.get(accountId)!;
    for (const key of ["delta7", "delta30", "delta90", "slope30"] as const) {
      if (want[key] === null) expect(got[key], `${accountId} ${key}`).toBeNull();
      else expect(got[key] as number, `${accountId} ${key}`).toBeCloseTo(want[key] as number, 9);
    }
    expect(got.tier30, `${accountId} tier30`).toBe(want.tier30);
  }
}

describe("current scores' trends", () => {
  it("match the snapshots of days −7, −30 and −90 and the last 30 days' slope, after a full recompute", async () => {
    await recomputeOrganization(org.organizationId, {
      trigger: "test",
      now: new Date(TEST_TODAY.getTime() + 9 * 3600_000),
    });
    const expected = await expectedTrends(TEST_TODAY);
    expect([...expected.values()].some((t) => t.delta90 !== null)).toBe(true);
    expect([...expected.values()].some((t) => t.slope30 !== null && t.slope30 !== 0)).toBe(true);
    expectSame(await currentTrends(), expected);
  });

  it("match them after a recompute of some accounts only", async () => {
    const some = org.accountIds.slice(0, 3);
    await recomputeOrganization(org.organizationId, {
      trigger: "test",
      now: new Date(TEST_TODAY.getTime() + 10 * 3600_000),
      accountIds: some,
    });
    expectSame(await currentTrends(), await expectedTrends(TEST_TODAY));
  });
});
