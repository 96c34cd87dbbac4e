"use client";

import { useUrlState } from "./use-url-state";

export function Pagination({
  page,
  size,
  total,
  sizes,
}: {
  page: number;
  size: number;
  total: number;
  /** Page sizes to choose from; with one, no choice is offered. */
  sizes: readonly number[];
}) {
  const { update } = useUrlState();
  const pages = Math.max(1, Math.ceil(total / size));
  const from = total === 0 ? 0 : (page - 1) * size + 1;
  const to = Math.min(total, page * size);
  return (
    <nav className="pagination" aria-label="Pagination">
      <span aria-live="polite">
        {from}–{to} of {total.toLocaleString("en-US")}
      </span>
      <div className="row">
        {sizes.length > 1 && (
          <label className="row">
            Rows
            <select
              className="input"
              value={size}
              onChange={(e) => update({ size: e.target.value }, { resetPage: true })}
            >
              {sizes.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        )}
        <button className="btn" type="button" disabled={page <= 1} onClick={() => update({ page: page - 1 })}>
          Previous
        </button>
        <span>
          Page {Math.min(page, pages)} of {pages}
        </span>
        <button className="btn" type="button" disabled={page >= pages} onClick={() => update({ page: page + 1 })}>
          Next
        </button>
      </div>
    </nav>
  );
}
