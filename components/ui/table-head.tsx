/** A column of a table's header: its label, or with its number alignment and a hint. */
export type HeadColumn = string | { label: string; num?: boolean; title?: string };

/**
 * A table's header row: a column header per entry (`false` entries, from a
 * column shown only sometimes, are skipped), then, with `actions`, an
 * unlabelled column for each row's buttons (named for screen readers).
 */
export function TableHead({ columns, actions = false }: { columns: (HeadColumn | false)[]; actions?: boolean }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => {
          if (column === false) return null;
          const { label, num, title } = typeof column === "string" ? { label: column } : column;
          return (
            <th key={label} scope="col" className={num ? "num" : undefined} title={title}>
              {label}
            </th>
          );
        })}
        {actions && (
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        )}
      </tr>
    </thead>
  );
}
