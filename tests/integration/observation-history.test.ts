import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { forEachObservationInTime, LOOKUP_ABOVE_PER_CELL, type ObservationBatch } from "@/lib/db/observation-history";
import { createTestOrg, TEST_TODAY, type TestOrg } from "../support/factories";

const DAY = 86_400_000;
let org: TestOrg;
let observations: { accountId: string; metricId: string; value: number | null; textValue: string | null; at: number }[];
let accountIds: string[];
let columnOf: Map<string, number>;

beforeAll(async () => {
  org = await createTestOrg({ accounts: 4, days: 120, seed: 31 });
  accountIds = org.accountIds;
  columnOf = new Map(Object.values(org.metricIds).map((id, j) => [id, j]));
  const rows = await db().metricObservation.findMany({ where: { organizationId: org.organizationId } });
  observations = rows.map((o) => ({ ...o, at: o.observedAt.getTime() }));
});

/** What the read hands over, split at `from`: the state before it (latest per cell) and the window in the order given. */
async function read(from: Date, until: Date) {
  const state = new Map<string, { value: number; text: string | null; at: number }>();
  const window: string[] = [];
  let windowStarted = false;
  await forEachObservationInTime(
    org.organizationId,
    { from, until },
    accountIds,
    columnOf,
    async (b: ObservationBatch) => {
      for (let i = 0; i < b.length; i++) {
        const cell = `${b.account[i]}:${b.column[i]}`;
        const at = b.observedAt[i]!;
        if (at < from.getTime()) {
          // The state comes whole before the window.
          expect(windowStarted).toBe(false);
          if (!(at < (state.get(cell)?.at ?? -Infinity))) state.set(cell, { value: b.value[i]!, text: b.text[i]!, at });
        } else {
          windowStarted = true;
          window.push(`${cell}@${at}`);
        }
      }
    },
  );
  return { state, window };
}

function expected(from: Date, until: Date) {
  const cellOf = (o: (typeof observations)[number]) => `${accountIds.indexOf(o.accountId)}:${columnOf.get(o.metricId)}`;
  const state = new Map<string, { value: number; text: string | null; at: number }>();
  for (const o of observations.filter((x) => x.at < from.getTime()).sort((x, y) => x.at - y.at))
    state.set(cellOf(o), { value: o.value ?? NaN, text: o.textValue, at: o.at });
  const inWindow = observations.filter((x) => x.at >= from.getTime() && x.at <= until.getTime());
  return { state, window: inWindow.map((o) => ({ key: `${cellOf(o)}@${o.at}`, at: o.at })) };
}

describe("reading history for a backfill", () => {
  const until = new Date(TEST_TODAY.getTime() + DAY - 1);
  const cells = () => accountIds.length * columnOf.size;
  const earlier = (from: Date) => observations.filter((o) => o.at < from.getTime()).length;

  it.each([
    ["looked up per account and metric when there are many earlier observations each", 5],
    ["read as it lies when there are few", 115],
  ])("gives the state before the window (%s), then the window in time order", async (_, daysBack) => {
    const from = new Date(TEST_TODAY.getTime() - daysBack * DAY);
    // The two cases are the two ways of reading the state.
    if (daysBack === 5) expect(earlier(from)).toBeGreaterThan(LOOKUP_ABOVE_PER_CELL * cells());
    else expect(earlier(from)).toBeLessThanOrEqual(LOOKUP_ABOVE_PER_CELL * cells());
    expect(earlier(from)).toBeGreaterThan(0);

    const got = await read(from, until);
    const want = expected(from, until);
    expect(got.state).toEqual(want.state);
    // Time order; observations at the same moment may come in any order among themselves.
    expect(got.window.map((k) => Number(k.split("@")[1]))).toEqual(want.window.map((w) => w.at).sort((x, y) => x - y));
    expect([...got.window].sort()).toEqual(want.window.map((w) => w.key).sort());
  });
});
