import { formatMoneyCompact } from "@/lib/format";

interface TierRow {
  key: string;
  label: string;
  color: string;
  accounts: number;
  arr: number;
}

/** Tier mix by accounts and by ARR as two proportional bars, with the figures beside them. */
export function TierBreakdown({ tiers }: { tiers: TierRow[] }) {
  const accounts = tiers.reduce((s, t) => s + t.accounts, 0) || 1;
  const arr = tiers.reduce((s, t) => s + t.arr, 0) || 1;
  const bar = (measure: "accounts" | "arr", total: number) => (
    <div className="stackbar" aria-hidden="true">
      {tiers
        .filter((t) => t[measure] > 0)
        .map((t) => (
          <span key={t.key} style={{ width: `${(100 * t[measure]) / total}%`, background: t.color }} />
        ))}
    </div>
  );
  return (
    <div className="stack">
      <div>
        <div className="muted">By accounts</div>
        {bar("accounts", accounts)}
      </div>
      <div>
        <div className="muted">By ARR</div>
        {bar("arr", arr)}
      </div>
      <table className="compact-table">
        <caption className="sr-only">Accounts and ARR per tier</caption>
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col" className="num">
              Accounts
            </th>
            <th scope="col" className="num">
              ARR
            </th>
          </tr>
        </thead>
        <tbody>
          {tiers.map((t) => (
            <tr key={t.key}>
              <th scope="row">
                <span className="swatch" style={{ background: t.color }} aria-hidden="true" /> {t.label}
              </th>
              <td className="num">
                {t.accounts} <span className="muted">({Math.round((100 * t.accounts) / accounts)} %)</span>
              </td>
              <td className="num">
                {formatMoneyCompact(t.arr)} <span className="muted">({Math.round((100 * t.arr) / arr)} %)</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
