import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Pagination } from "@/components/data-table/pagination";
import { TableCard } from "@/components/ui/table-card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageTenant } from "@/lib/auth/page";
import { listMovedAccounts } from "@/lib/db/dashboards";
import { formatCount, formatDay, formatMoney, formatNumber } from "@/lib/format";
import { filtersOf } from "@/lib/services/dashboards/overview";
import { dayDate, resolveScorecard } from "@/lib/services/dashboards/scorecard";
import { movementQuerySchema } from "@/lib/validation/dashboards";

export const metadata: Metadata = { title: "Tier movement" };

const PAGE = 50;

export default async function MovementPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { tenant } = await requirePageTenant("accounts:read");
  const q = movementQuerySchema.parse(await searchParams);
  const { selected: card } = await resolveScorecard(tenant, q.scorecard);
  const filters = new URLSearchParams(
    Object.entries({
      scorecard: q.scorecard,
      segment: q.segment,
      team: q.team,
      owner: q.owner,
      stage: q.stage,
      from: q.from,
      to: q.to,
    }).filter((e): e is [string, string] => Boolean(e[1])),
  );
  const back = filters.size ? `/portfolio?${filters}` : "/portfolio";
  // A cell is named by both dates and both tiers; without them there is no move to list, so the matrix is shown.
  if (!q.from || !q.to || !q.fromTier || !q.toTier) redirect(`${back}#movement-heading`);
  const label = (key: string | undefined) =>
    key === "none" ? "Not scored" : (card?.tiers.find((t) => t.key === key)?.label ?? key ?? "—");
  const result = card
    ? await listMovedAccounts(
        tenant,
        card.id,
        filtersOf(q),
        { from: dayDate(q.from), to: dayDate(q.to), fromTier: q.fromTier, toTier: q.toTier },
        { offset: (q.page - 1) * PAGE, limit: PAGE },
      )
    : { total: 0, items: [] };
  return (
    <>
      <p style={{ margin: "0 0 8px" }}>
        <Link href={back}>← Portfolio</Link>
      </p>
      <PageHeader
        title={`${label(q.fromTier)} → ${label(q.toTier)}`}
        description={`${formatCount(result.total, "account")} between ${formatDay(q.from ?? null)} and ${formatDay(q.to ?? null)}`}
      />
      {result.items.length === 0 ? (
        <EmptyState title="No account made this move">
          <p>Go back and pick another cell of the matrix, or other dates.</p>
        </EmptyState>
      ) : (
        <TableCard caption="Accounts that moved between these tiers">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Owner</th>
              <th scope="col" className="num">
                ARR
              </th>
              <th scope="col" className="num">
                Score on {formatDay(q.from ?? null)}
              </th>
              <th scope="col" className="num">
                Score on {formatDay(q.to ?? null)}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link href={`/accounts/${a.id}`}>{a.name}</Link>
                </td>
                <td>{a.owner ?? "Unassigned"}</td>
                <td className="num">{formatMoney(a.arr)}</td>
                <td className="num">{formatNumber(a.fromScore)}</td>
                <td className="num">{formatNumber(a.toScore)}</td>
              </tr>
            ))}
          </tbody>
        </TableCard>
      )}
      {result.total > PAGE && <Pagination page={q.page} size={PAGE} total={result.total} sizes={[PAGE]} />}
    </>
  );
}
