import Link from "next/link";
import { formatCount, formatMoneyCompact } from "@/lib/format";

interface Props {
  from: string;
  to: string;
  tiers: { key: string; label: string; color: string; rank: number | null }[];
  cells: { accounts: number; arr: number }[][];
  /** Builds the link to the accounts behind a cell. */
  hrefFor: (fromTier: string, toTier: string) => string;
  /** Search params to keep when the dates change. */
  keep: Record<string, string | undefined>;
}

/** From-tier (rows) × to-tier (columns) between two days; each non-empty cell lists its accounts. */
export function MovementMatrix({ from, to, tiers, cells, hrefFor, keep }: Props) {
  return (
    <div className="stack">
      <form method="get" className="toolbar" aria-label="Dates to compare">
        {Object.entries(keep).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
        <label className="field">
          From
          <input className="input" type="date" name="from" defaultValue={from} max={to} />
        </label>
        <label className="field">
          To
          <input className="input" type="date" name="to" defaultValue={to} />
        </label>
        <button className="btn" type="submit">
          Compare
        </button>
      </form>
      <div className="table-wrap">
        <table className="matrix">
          <caption className="sr-only">
            Accounts by tier on {from} (rows) and on {to} (columns)
          </caption>
          <thead>
            <tr>
              <th scope="col">
                {from} ↓ / {to} →
              </th>
              {tiers.map((t) => (
                <th key={t.key} scope="col">
                  {t.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tiers.map((row, i) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {tiers.map((col, j) => {
                  const cell = cells[i]![j]!;
                  const tone =
                    row.rank === null || col.rank === null || row.rank === col.rank
                      ? "same"
                      : col.rank > row.rank
                        ? "up"
                        : "down";
                  return (
                    <td key={col.key} className={cell.accounts ? `cell-${tone}` : undefined}>
                      {cell.accounts ? (
                        <Link
                          href={hrefFor(row.key, col.key)}
                          aria-label={`${formatCount(cell.accounts, "account")} from ${row.label} to ${col.label}`}
                        >
                          {cell.accounts}
                          <span className="muted"> · {formatMoneyCompact(cell.arr)}</span>
                        </Link>
                      ) : (
                        <span className="muted">0</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
