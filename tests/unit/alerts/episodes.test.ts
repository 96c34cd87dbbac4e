import { describe, expect, it } from "vitest";
import { FRESH_STATE, replay, step } from "@/lib/alerts/episodes";
import type { Verdict } from "@/lib/alerts/rules";

const H = 3_600_000;
const DAY = 24 * H;

describe("episodes", () => {
  it("raises once per episode, however long the condition holds", () => {
    let state = FRESH_STATE;
    const raised: number[] = [];
    for (let d = 0; d < 5; d++) {
      const r = step(state, "fire", d * DAY, 0);
      state = r.state;
      if (r.raise) raised.push(d);
    }
    expect(raised).toEqual([0]);
    expect(state.armed).toBe(false);
  });

  it("re-arms only on clear, not while holding in the hysteresis band", () => {
    const held = step({ armed: false, lastRaisedAt: 0 }, "hold", DAY, 0);
    expect(held).toMatchObject({ raise: false, recovered: false, state: { armed: false } });
    const cleared = step({ armed: false, lastRaisedAt: 0 }, "clear", DAY, 0);
    expect(cleared).toMatchObject({ raise: false, recovered: true, state: { armed: true, lastRaisedAt: 0 } });
  });

  it("a clear while armed is not a recovery (nothing to resolve)", () => {
    expect(step(FRESH_STATE, "clear", 0, 0)).toEqual({ state: FRESH_STATE, raise: false, recovered: false });
  });

  it("a new episode inside the cooldown waits, then raises if it still holds", () => {
    const cooldown = 72 * H;
    const verdicts: Verdict[] = ["fire", "clear", "fire", "fire", "fire", "fire"];
    const days = verdicts.map((_, i) => i * DAY);
    // Raised on day 0; re-armed on day 1; fires again on day 2 (48 h: cooling), day 3 (72 h: raises).
    expect(replay(verdicts, days, cooldown)).toEqual([0, 3 * DAY]);
  });

  it("a flapping account raises at most once per cooldown", () => {
    const verdicts: Verdict[] = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? "fire" : "clear"));
    const days = verdicts.map((_, i) => i * DAY);
    expect(replay(verdicts, days, 0)).toHaveLength(10);
    expect(replay(verdicts, days, 7 * DAY)).toEqual([0, 8 * DAY, 16 * DAY]);
  });
});
