import type { PlacementSpans } from "../../db/placements";
import { isoDay } from "../../dates";
import type { DayPlacement } from "./past-placement";

/**
 * Records, as the backfill scores day after day, where each account stood: runs
 * of days with the same stage and the same segments, so that the past's rollups
 * group each day's snapshots by that day's placement. An account's run goes on
 * across days it was not scored (they have no snapshot to group).
 */
export function placementSpanRecorder(accountIds: string[]) {
  const open = new Map<number, { stage: string | null; segments: string[]; first: number; last: number }>();
  const spans: PlacementSpans = { accountIds: [], kinds: [], keys: [], firstDays: [], lastDays: [] };
  const push = (a: number, kind: "stage" | "segment", key: string | null, first: number, last: number) => {
    spans.accountIds.push(accountIds[a]!);
    spans.kinds.push(kind);
    spans.keys.push(key);
    spans.firstDays.push(isoDay(new Date(first)));
    spans.lastDays.push(isoDay(new Date(last)));
  };
  const close = (a: number) => {
    const run = open.get(a);
    if (!run) return;
    push(a, "stage", run.stage, run.first, run.last);
    for (const key of run.segments) push(a, "segment", key, run.first, run.last);
    open.delete(a);
  };
  const same = (x: string[], y: string[]) => x.length === y.length && x.every((k, i) => k === y[i]);

  return {
    /** The placement of the accounts at `positions` on the day starting at `day` (ms). */
    day(day: number, positions: number[], placement: DayPlacement) {
      positions.forEach((a, i) => {
        const stage = placement.stages[i]!;
        const segments = placement.segments[i]!;
        const run = open.get(a);
        if (run && run.stage === stage && same(run.segments, segments)) {
          run.last = day;
          return;
        }
        close(a);
        open.set(a, { stage, segments, first: day, last: day });
      });
    },
    /** Every run, the open ones closed on the last day recorded. */
    finish(): PlacementSpans {
      for (const a of [...open.keys()]) close(a);
      return spans;
    },
  };
}
