import type { Verdict } from "./rules";

/**
 * Per rule and account: whether the rule is armed, and when it last raised an alert.
 * A new account starts armed with no alert.
 */
export interface EpisodeState {
  armed: boolean;
  lastRaisedAt: number | null;
}

export const FRESH_STATE: EpisodeState = { armed: true, lastRaisedAt: null };

export interface StepResult {
  state: EpisodeState;
  /** Raise an alert now. */
  raise: boolean;
  /** The episode ended: the condition cleared past the margin; open alerts of it resolve. */
  recovered: boolean;
}

/**
 * Advances one rule × account through a verdict at time `now` (ms):
 *
 * - fire, armed, outside the cooldown → raise, disarm (one alert per episode);
 * - fire, armed, inside the cooldown → stay armed and quiet; the alert comes once the
 *   cooldown has passed if the condition still holds;
 * - fire or hold while disarmed → the same episode, nothing new;
 * - clear while disarmed → re-arm; the episode is over.
 */
export function step(state: EpisodeState, verdict: Verdict, now: number, cooldownMs: number): StepResult {
  if (verdict === "fire") {
    if (!state.armed) return { state, raise: false, recovered: false };
    if (state.lastRaisedAt !== null && now - state.lastRaisedAt < cooldownMs) {
      return { state, raise: false, recovered: false };
    }
    return { state: { armed: false, lastRaisedAt: now }, raise: true, recovered: false };
  }
  if (verdict === "clear" && !state.armed) {
    return { state: { armed: true, lastRaisedAt: state.lastRaisedAt }, raise: false, recovered: true };
  }
  return { state, raise: false, recovered: false };
}

export const sameState = (a: EpisodeState, b: EpisodeState) => a.armed === b.armed && a.lastRaisedAt === b.lastRaisedAt;

/**
 * Replays one account's daily verdicts from a fresh state (the rule preview): the
 * days (ms, ascending) on which an alert would have been raised.
 */
export function replay(verdicts: readonly Verdict[], days: readonly number[], cooldownMs: number): number[] {
  let state = FRESH_STATE;
  const raised: number[] = [];
  verdicts.forEach((verdict, i) => {
    const r = step(state, verdict, days[i]!, cooldownMs);
    state = r.state;
    if (r.raise) raised.push(days[i]!);
  });
  return raised;
}
