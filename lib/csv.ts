/** One CSV field: quoted (quotes doubled) when it holds a comma, quote or line break. */
export function csvField(v: string | number | null | undefined): string {
  const s = String(v ?? "");
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line of fields (no line end). */
export const csvLine = (cells: (string | number | null | undefined)[]) => cells.map(csvField).join(",");

/**
 * A field of a CSV that people download and open in a spreadsheet. Text a
 * spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
 * carriage return) gets a leading apostrophe, so an account named
 * "=HYPERLINK(…)" arrives as text; numbers, negative ones too, stay numbers.
 */
export function spreadsheetField(v: string | number | null | undefined): string {
  const s = String(v ?? "");
  return csvField(/^[=+\-@\t\r]/.test(s) && !/^[+-]?\d+(\.\d+)?$/.test(s) ? `'${s}` : s);
}
