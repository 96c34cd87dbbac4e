import { replay } from "./episodes";
import { judge, signalNeeds, type AlertRuleSpec, type AlertSignal, type RuleContext, type Verdict } from "./rules";

const DAY = 86_400_000;

/** One account's stored history, as the preview replays it. */
export interface HistorySeries {
  accountId: string;
  name?: string;
  /** ISO days, ascending. */
  days: string[];
  scores: (number | null)[];
  tiers: string[];
  coverages: number[];
  renewalDate: string | null;
  /** Observation times (ms) of the rule's key input, ascending. */
  observedAt: number[];
  inputStaleDays: number | null;
}

export interface RulePreview {
  alerts: number;
  accounts: number;
  /** Alerts per day over the window, every day present. */
  perDay: { day: string; alerts: number }[];
  /** Accounts that would have been alerted most often. */
  top: { accountId: string; name?: string; alerts: number }[];
}

const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** A series' days and renewal date as ms, worked out once per series. */
interface SeriesTimes {
  days: number[];
  renewal: number | null;
}

/**
 * The signal of day `i` of a series, as the evaluator would have seen it at the
 * end of that day; `look` is the rule's look-back for a recent high, in days.
 */
function signalAt(s: HistorySeries, t: SeriesTimes, look: number | null, i: number, obsIndex: number): AlertSignal {
  const day = t.days[i]!;
  let recentHigh: number | null = null;
  if (look !== null)
    for (let j = i; j >= 0 && t.days[j]! >= day - look * DAY; j--) {
      const v = s.scores[j];
      if (v !== null && v !== undefined && (recentHigh === null || v > recentHigh)) recentHigh = v;
    }
  const lastObserved = obsIndex >= 0 ? s.observedAt[obsIndex]! : null;
  return {
    accountId: s.accountId,
    score: s.scores[i] ?? null,
    tier: s.tiers[i]!,
    previousTier: i > 0 ? s.tiers[i - 1]! : null,
    recentHigh,
    coverage: s.coverages[i]!,
    renewalDays: t.renewal === null ? null : Math.round((t.renewal - day) / DAY),
    inputAgeDays: lastObserved === null ? null : (day + DAY - lastObserved) / DAY,
    inputStaleDays: s.inputStaleDays,
  };
}

/**
 * What a rule would have raised over the stored history from `from` (ISO day) on:
 * each account is replayed day by day from a fresh state through the same verdicts,
 * hysteresis and cooldown as live evaluation (the days before `from` only feed
 * look-backs). Renewal dates are today's; overrides are not replayed.
 */
export function previewRule(
  rule: AlertRuleSpec,
  history: readonly HistorySeries[],
  ctx: RuleContext,
  cooldownMs: number,
  from: string,
  to: string,
): RulePreview {
  const perDay = new Map<string, number>();
  for (let t = ms(from); t <= ms(to); t += DAY) perDay.set(new Date(t).toISOString().slice(0, 10), 0);
  const top: RulePreview["top"] = [];
  let alerts = 0;
  // Parsed once per distinct day, not per look-back step (a 90-day preview of 100k accounts has 9M days).
  const parsed = new Map<string, number>();
  const dayMs = (iso: string) => parsed.get(iso) ?? parsed.set(iso, ms(iso)).get(iso)!;
  const look = signalNeeds(rule).highWithinDays;
  for (const s of history) {
    const t: SeriesTimes = { days: s.days.map(dayMs), renewal: s.renewalDate === null ? null : ms(s.renewalDate) };
    const verdicts: Verdict[] = [];
    const days: number[] = [];
    let obs = -1;
    for (let i = 0; i < s.days.length; i++) {
      const end = t.days[i]! + DAY;
      while (obs + 1 < s.observedAt.length && s.observedAt[obs + 1]! < end) obs++;
      if (s.days[i]! < from) continue;
      verdicts.push(judge(rule, signalAt(s, t, look, i, obs), ctx));
      days.push(t.days[i]!);
    }
    const raised = replay(verdicts, days, cooldownMs);
    if (raised.length === 0) continue;
    alerts += raised.length;
    top.push({ accountId: s.accountId, name: s.name, alerts: raised.length });
    for (const t of raised) {
      const key = new Date(t).toISOString().slice(0, 10);
      perDay.set(key, (perDay.get(key) ?? 0) + 1);
    }
  }
  top.sort((a, b) => b.alerts - a.alerts || a.accountId.localeCompare(b.accountId));
  return {
    alerts,
    accounts: top.length,
    perDay: [...perDay].map(([day, n]) => ({ day, alerts: n })),
    top: top.slice(0, 10),
  };
}
