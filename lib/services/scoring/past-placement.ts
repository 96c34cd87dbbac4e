import { loadPastPlacementRows, loadPlacementRules } from "../../db/placements";
import type { PortfolioAccounts } from "../../db/scoring-inputs";
import { anyUsesDate, placeAccount } from "../../segments/placement";

/** Each given account's segment keys and stage key on one day. */
export interface DayPlacement {
  segments: string[][];
  stages: (string | null)[];
}

/**
 * How the organisation's rules placed its accounts on a past day, for the
 * backfill: a stage or segment by days as a customer or days to renewal
 * answers as of that day (an account three months in was "Onboarding" on its
 * first days), with the renewal date it had then (the first renewal recorded on
 * or after that day, else today's). Other fields are today's: their past is not
 * stored. A pinned stage and hand-kept memberships hold on every day. Null
 * when no rule tests a date, so every day is placed as today is.
 */
export async function loadPastPlacement(organizationId: string, accounts: PortfolioAccounts) {
  const rules = await loadPlacementRules(organizationId);
  if (!anyUsesDate(rules)) return null;
  const rows = new Map((await loadPastPlacementRows(organizationId)).map((r) => [r.id, r]));
  // The rows themselves are the rules' accounts (not copies: 100k accounts' rows are a hundred megabytes).
  const inputs = accounts.ids.map((id) => {
    const row = rows.get(id)!;
    return { row, renewals: row.renewals.map((d) => new Date(d).getTime()) };
  });

  return (day: Date, positions: number[]): DayPlacement => {
    const segments: string[][] = [];
    const stages: (string | null)[] = [];
    for (const a of positions) {
      const { row, renewals } = inputs[a]!;
      const renewedOn = renewals.find((t) => t >= day.getTime());
      const placed = placeAccount(
        renewedOn === undefined ? row : { ...row, renewalDate: new Date(renewedOn) },
        rules,
        day,
      );
      const byRule = placed.segments.map((i) => rules.segments[i]!.key);
      segments.push([...new Set([...row.manualSegmentKeys, ...byRule])].sort());
      stages.push(row.stagePinned ? row.stageKey : placed.stage === null ? null : rules.stages[placed.stage]!.key);
    }
    return { segments, stages };
  };
}
