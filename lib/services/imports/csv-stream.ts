import { createReadStream } from "node:fs";
import { parse } from "csv-parse";
import type { MappedRow } from "./rows";

export interface CsvRow {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  cells: string[];
}

/** Streams a CSV file row by row; memory stays flat whatever the file's size. */
export async function* readCsv(path: string): AsyncGenerator<CsvRow> {
  const parser = createReadStream(path).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: false }),
  );
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { line: info.lines, cells: record };
  }
}

/** Header and rows of a file: the first row is the header. */
export async function readHeaderAndPreview(
  path: string,
  limit: number,
): Promise<{ headers: string[]; rows: CsvRow[] }> {
  let headers: string[] | null = null;
  const rows: CsvRow[] = [];
  for await (const row of readCsv(path)) {
    if (!headers) headers = row.cells.map((c) => c.trim());
    else rows.push(row);
    if (rows.length >= limit) break;
  }
  return { headers: headers ?? [], rows };
}

/** Reads a row's cells through the column → field mapping. */
export function mapRow(headers: string[], mapping: Record<string, string>) {
  const byField = new Map<string, number>();
  const traits: [string, number][] = [];
  headers.forEach((h, i) => {
    const target = mapping[h] ?? "";
    if (target.startsWith("trait:")) traits.push([target.slice(6), i]);
    else if (target) byField.set(target, i);
  });
  return (cells: string[]): MappedRow => ({
    get: (field) => {
      const i = byField.get(field);
      return i === undefined ? "" : (cells[i] ?? "");
    },
    column: (field) => {
      const i = byField.get(field);
      return i === undefined ? field : headers[i]!;
    },
    traits: traits.map(([name, i]) => [name, cells[i] ?? ""]),
  });
}
