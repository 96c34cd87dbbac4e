"use client";

import Link from "next/link";
import { DataTable, type TableColumn } from "@/components/data-table/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { AtRiskRow } from "@/lib/db/at-risk";
import { formatCount, formatDay, formatMoney, formatNumber } from "@/lib/format";
import { AT_RISK_SORTS } from "@/lib/validation/dashboards";
import { TierBadge, type TierLook } from "./tier-badge";

function daysUntil(day: string | null, today: string) {
  if (!day) return null;
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

function columns(tiers: Record<string, TierLook>, today: string): TableColumn<AtRiskRow>[] {
  return [
    {
      id: "priority",
      header: "Priority",
      accessorFn: (r) => r.priority,
      cell: ({ row }) => <strong>{formatNumber(row.original.priority)}</strong>,
    },
    {
      id: "name",
      header: "Account",
      accessorFn: (r) => r.name,
      cell: ({ row }) => (
        <Link href={`/accounts/${row.original.id}`} tabIndex={-1}>
          {row.original.name}
        </Link>
      ),
    },
    { id: "score", header: "Score", accessorFn: (r) => r.score, cell: ({ row }) => formatNumber(row.original.score) },
    {
      id: "tier",
      header: "Tier",
      accessorFn: (r) => r.tierKey,
      cell: ({ row }) => <TierBadge tier={tiers[row.original.tierKey]} fallback={row.original.tierKey} />,
    },
    {
      id: "delta30",
      header: "30-day change",
      accessorFn: (r) => r.delta30,
      cell: ({ row }) => {
        const d = row.original.delta30;
        if (d === null) return "—";
        return (
          <span
            className={d < 0 ? "text-danger" : d > 0 ? "text-ok" : undefined}
          >{`${d > 0 ? "+" : ""}${formatNumber(d)}`}</span>
        );
      },
    },
    {
      id: "coverage",
      header: "Coverage",
      accessorFn: (r) => r.coverage,
      cell: ({ row }) => `${Math.round(row.original.coverage * 100)} %`,
    },
    { id: "arr", header: "ARR", accessorFn: (r) => r.arr, cell: ({ row }) => formatMoney(row.original.arr) },
    {
      id: "renewalDate",
      header: "Renewal",
      accessorFn: (r) => r.renewalDate,
      cell: ({ row }) => {
        const days = daysUntil(row.original.renewalDate, today);
        return (
          <>
            <div>{formatDay(row.original.renewalDate)}</div>
            {days !== null && days >= 0 && <div className="muted small">in {formatCount(days, "day")}</div>}
          </>
        );
      },
    },
    { id: "owner", header: "Owner", accessorFn: (r) => r.owner, cell: ({ row }) => row.original.owner ?? "Unassigned" },
  ];
}

export function AtRiskTable({
  rows,
  sort,
  dir,
  tiers,
  today,
}: {
  rows: AtRiskRow[];
  sort: string;
  dir: "asc" | "desc";
  tiers: Record<string, TierLook>;
  today: string;
}) {
  return (
    <DataTable
      caption="Accounts ranked by priority"
      columns={columns(tiers, today)}
      data={rows}
      sortable={AT_RISK_SORTS}
      sort={sort}
      dir={dir}
      numeric={["priority", "score", "delta30", "coverage", "arr"]}
      wrap={["name", "owner"]}
      rowHref={(r) => `/accounts/${r.id}`}
      empty={
        <EmptyState title="No scored accounts in this view">
          Clear a filter; accounts appear here once they have a score.
        </EmptyState>
      }
    />
  );
}
