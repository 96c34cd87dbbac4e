/** One CSV field: quoted (quotes doubled) when it holds a comma, quote or line break. */
export function csvField(v: string | number | null | undefined): string {
  const s = String(v ?? "");
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
