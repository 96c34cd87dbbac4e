import type { ReactNode } from "react";

/**
 * A small table of editable rows (bands, options, tiers): one cell per column,
 * a Remove button per row and an Add button below.
 */
export function EditableRows({
  caption,
  columns,
  count,
  cells,
  rowName,
  minRows = 0,
  onRemove,
  onAdd,
  addLabel,
}: {
  caption: string;
  columns: string[];
  count: number;
  /** The cells of row i, one per column. */
  cells: (i: number) => ReactNode[];
  /** Names row i for screen readers ("band 2", "Healthy"). */
  rowName: (i: number) => string;
  minRows?: number;
  onRemove: (i: number) => void;
  onAdd: () => void;
  addLabel: ReactNode;
}) {
  return (
    <table className="compact-table">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
          <th scope="col">
            <span className="sr-only">Remove</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: count }, (_, i) => (
          <tr key={i}>
            {cells(i).map((cell, j) => (
              <td key={j}>{cell}</td>
            ))}
            <td>
              <button type="button" className="btn btn-ghost" disabled={count <= minRows} onClick={() => onRemove(i)}>
                Remove<span className="sr-only"> {rowName(i)}</span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={columns.length + 1}>
            <button type="button" className="btn" onClick={onAdd}>
              {addLabel}
            </button>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
