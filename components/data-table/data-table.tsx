"use client";

import { FlexRender, tableFeatures, useTable, type ColumnDef, type RowData } from "@tanstack/react-table";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { useUrlState } from "./use-url-state";

export const tableFeatureSet = tableFeatures({});
export type TableColumn<T extends RowData> = ColumnDef<typeof tableFeatureSet, T>;

interface DataTableProps<T extends RowData> {
  caption: string;
  columns: TableColumn<T>[];
  data: T[];
  /** Column ids the server can sort by; their headers become sort buttons. */
  sortable: readonly string[];
  sort: string;
  dir: "asc" | "desc";
  rowHref?: (row: T) => string;
  numeric?: readonly string[];
  /** Column ids whose cells break between words when the page is too narrow for the table. */
  wrap?: readonly string[];
  /** Keeps the first column (the row's name) in view while a table wider than the page scrolls sideways. */
  stickyFirst?: boolean;
  empty: React.ReactNode;
}

/**
 * The one table of the app: TanStack Table for the model, the server for
 * sorting and paging (state in the URL). Rows are keyboard-operable: Tab to the
 * table, ↑/↓ to move, Enter to open.
 */
export function DataTable<T extends RowData>({
  caption,
  columns,
  data,
  sortable,
  sort,
  dir,
  rowHref,
  numeric = [],
  wrap = [],
  stickyFirst = false,
  empty,
}: DataTableProps<T>) {
  const table = useTable({ features: tableFeatureSet, columns, data });
  const { update, pending } = useUrlState();
  const router = useRouter();
  const bodyRef = useRef<HTMLTableSectionElement>(null);

  function onRowKey(event: React.KeyboardEvent<HTMLTableRowElement>, href: string | undefined) {
    const row = event.currentTarget;
    if (event.key === "Enter" && href && event.target === row) router.push(href);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const sibling = event.key === "ArrowDown" ? row.nextElementSibling : row.previousElementSibling;
      (sibling as HTMLElement | null)?.focus();
    }
  }

  const cellClass = (id: string) => (numeric.includes(id) ? "num" : wrap.includes(id) ? "wrap" : undefined);

  if (data.length === 0) return <div className="card">{empty}</div>;

  return (
    <div className="card table-wrap" style={{ padding: 0, opacity: pending ? 0.6 : 1 }} aria-busy={pending}>
      <table className={stickyFirst ? "data sticky-first" : "data"}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const id = header.column.id;
                const active = sort === id;
                const canSort = sortable.includes(id);
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={numeric.includes(id) ? "num" : undefined}
                    aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : canSort ? "none" : undefined}
                  >
                    {canSort ? (
                      <button
                        type="button"
                        onClick={() =>
                          update({ sort: id, dir: active && dir === "asc" ? "desc" : "asc" }, { resetPage: true })
                        }
                      >
                        <FlexRender header={header} />
                        <span aria-hidden="true">{active ? (dir === "asc" ? "▲" : "▼") : "↕"}</span>
                      </button>
                    ) : (
                      <FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody ref={bodyRef}>
          {table.getRowModel().rows.map((row) => {
            const href = rowHref?.(row.original);
            return (
              <tr key={row.id} tabIndex={0} onKeyDown={(e) => onRowKey(e, href)} data-href={href}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={cellClass(cell.column.id)}>
                    <FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
