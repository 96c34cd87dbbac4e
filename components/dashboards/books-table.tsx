import type { BookComparison } from "@/lib/dashboards/overview";
import { formatMoneyCompact, formatNumber } from "@/lib/format";
import { TableCard } from "@/components/ui/table-card";

/** CSMs' books side by side, most deteriorated first. */
export function BooksTable({ books }: { books: BookComparison[] }) {
  return (
    <TableCard caption="Books by CSM, the most deteriorated in 30 days first">
      <thead>
        <tr>
          <th scope="col">CSM</th>
          <th scope="col" className="num">
            Accounts
          </th>
          <th scope="col" className="num">
            Average score
          </th>
          <th scope="col" className="num">
            30-day change
          </th>
          <th scope="col" className="num">
            ARR
          </th>
          <th scope="col" className="num">
            ARR at risk
          </th>
          <th scope="col" className="num">
            At risk
          </th>
        </tr>
      </thead>
      <tbody>
        {books.map((b) => (
          <tr key={b.ownerId ?? "none"}>
            <td>{b.owner}</td>
            <td className="num">{b.accounts}</td>
            <td className="num">{formatNumber(b.averageScore)}</td>
            <td className={`num ${b.averageChange30 !== null && b.averageChange30 < 0 ? "text-danger" : "text-ok"}`}>
              {b.averageChange30 === null
                ? "—"
                : `${b.averageChange30 > 0 ? "+" : ""}${formatNumber(b.averageChange30)}`}
            </td>
            <td className="num">{formatMoneyCompact(b.arr)}</td>
            <td className="num">{formatMoneyCompact(b.atRiskArr)}</td>
            <td className="num">{Math.round(b.atRiskShare)} %</td>
          </tr>
        ))}
      </tbody>
    </TableCard>
  );
}
