"use client";

import Link from "next/link";
import { AccountFilters } from "@/components/accounts/account-filters";
import { ColumnChooser, useHiddenColumns } from "@/components/data-table/column-chooser";
import { DataTable, type TableColumn } from "@/components/data-table/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { AccountRow } from "@/lib/db/accounts";
import { TierBadge, type TierLook } from "@/components/dashboards/tier-badge";
import { formatDay, formatMoney, formatNumber } from "@/lib/format";
import { ACCOUNT_COLUMNS, ACCOUNT_SORTS, HIDDEN_ACCOUNT_COLUMNS_COOKIE } from "@/lib/validation/accounts";

const columns = (tiers: Record<string, TierLook>): TableColumn<AccountRow>[] => [
  {
    id: "name",
    header: "Account",
    accessorFn: (r) => r.name,
    cell: ({ row }) => (
      <span className="stack" style={{ gap: 0 }}>
        <Link href={`/accounts/${row.original.id}`} tabIndex={-1}>
          {row.original.name}
        </Link>
        <span className="muted" style={{ fontSize: 12 }}>
          {row.original.externalId}
        </span>
      </span>
    ),
  },
  { id: "score", header: "Score", accessorFn: (r) => r.score, cell: ({ row }) => formatNumber(row.original.score) },
  {
    id: "tier",
    header: "Tier",
    accessorFn: (r) => r.tierKey,
    cell: ({ row }) =>
      row.original.tierKey ? (
        <TierBadge tier={tiers[row.original.tierKey]} fallback={row.original.tierKey} />
      ) : (
        <span className="muted">not scored</span>
      ),
  },
  { id: "arr", header: "ARR", accessorFn: (r) => r.arr, cell: ({ row }) => formatMoney(row.original.arr) },
  { id: "seats", header: "Seats", accessorFn: (r) => r.seats, cell: ({ row }) => formatNumber(row.original.seats) },
  { id: "plan", header: "Plan", accessorFn: (r) => r.plan, cell: ({ row }) => row.original.plan ?? "—" },
  {
    id: "segments",
    header: "Segment",
    accessorFn: (r) => r.segments.join(", "),
    cell: ({ row }) => row.original.segments.join(", ") || "—",
  },
  { id: "stage", header: "Stage", accessorFn: (r) => r.stage, cell: ({ row }) => row.original.stage ?? "—" },
  {
    id: "owner",
    header: "Owner",
    accessorFn: (r) => r.owner,
    cell: ({ row }) => row.original.owner ?? <span className="badge badge-warn">Unassigned</span>,
  },
  { id: "team", header: "Team", accessorFn: (r) => r.team, cell: ({ row }) => row.original.team ?? "—" },
  {
    id: "renewalDate",
    header: "Renewal",
    accessorFn: (r) => r.renewalDate,
    cell: ({ row }) =>
      row.original.status === "churned" ? (
        <span className="badge badge-danger">Churned {formatDay(row.original.renewalDate)}</span>
      ) : (
        formatDay(row.original.renewalDate)
      ),
  },
];

type FilterProps = Omit<React.ComponentProps<typeof AccountFilters>, "children">;

interface AccountsListProps {
  filters: FilterProps;
  rows: AccountRow[];
  sort: string;
  dir: "asc" | "desc";
  filtered: boolean;
  tiers: Record<string, TierLook>;
  /** The columns this browser's user hid before (from the cookie). */
  hidden: readonly string[];
}

/** The accounts list: its filters, a chooser of the columns to show (remembered), and the table. */
export function AccountsList({ filters, rows, sort, dir, filtered, tiers, hidden: initial }: AccountsListProps) {
  const [hidden, setHidden] = useHiddenColumns(HIDDEN_ACCOUNT_COLUMNS_COOKIE, initial);
  const shown = columns(tiers).filter((c) => !hidden.includes(c.id!));
  return (
    <>
      <AccountFilters {...filters}>
        <ColumnChooser columns={ACCOUNT_COLUMNS} hidden={hidden} onChange={setHidden} />
      </AccountFilters>
      <DataTable
        caption="Accounts"
        columns={shown}
        data={rows}
        sortable={ACCOUNT_SORTS}
        sort={sort}
        dir={dir}
        numeric={["score", "arr", "seats"]}
        wrap={["plan", "owner"]}
        stickyFirst
        rowHref={(r) => `/accounts/${r.id}`}
        empty={
          filtered ? (
            <EmptyState title="No accounts match these filters">Clear the search or a filter to see more.</EmptyState>
          ) : (
            <EmptyState title="No accounts in your book yet">
              Accounts arrive by CSV import or the REST API; an admin can also assign existing accounts to you.
            </EmptyState>
          )
        }
      />
    </>
  );
}
