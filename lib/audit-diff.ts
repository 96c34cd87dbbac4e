/**
 * What an audit entry changed, as "path: before → after" lines: only the leaves
 * that differ, nested objects walked by dotted path, long values shortened.
 */
export function auditChanges(before: unknown, after: unknown, limit = 12): string[] {
  const lines: string[] = [];
  const show = (v: unknown) => {
    if (v === undefined) return "∅";
    const text = typeof v === "string" ? v : JSON.stringify(v);
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  };
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === "object" && v !== null && !Array.isArray(v);
  const walk = (a: unknown, b: unknown, path: string) => {
    if (lines.length >= limit) return;
    if (isObject(a) && isObject(b)) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
        walk(a[key], b[key], path ? `${path}.${key}` : key);
      return;
    }
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    if (before === null || before === undefined) lines.push(`${path || "value"}: ${show(b)}`);
    else lines.push(`${path || "value"}: ${show(a)} → ${show(b)}`);
  };
  if (after === null || after === undefined) {
    if (before !== null && before !== undefined) lines.push(`removed: ${show(before)}`);
    return lines;
  }
  walk(before ?? {}, after, "");
  return lines;
}
