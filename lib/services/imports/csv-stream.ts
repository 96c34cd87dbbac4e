import { createReadStream } from "node:fs";
import { csvLine } from "../../csv";
import { CsvReader, DELIMITER_NAMES, type CsvRecord } from "../../csv-reader";
import { ValidationError } from "../../errors";
import type { CsvFormat } from "./csv-format";
import type { MappedRow, RowError } from "./rows";

const CHUNK_BYTES = 1 << 16;

/**
 * Streams a CSV file as batches of rows, one per 64 KB read; memory stays flat
 * whatever the file's size. Batches keep the per-row cost of a million-row
 * import to the parsing itself, and small ones let each row's objects die young.
 */
export async function* readCsvBatches(path: string, format: CsvFormat): AsyncGenerator<CsvRecord[]> {
  const reader = new CsvReader(format.delimiter);
  // A file taken for UTF-8 from its start is held to it: a Windows-1252 "é" further on fails the import by
  // name rather than being stored as "�".
  const decoder = new TextDecoder(format.encoding, { fatal: format.encoding === "utf-8" });
  let line = 0;
  const decode = (chunk?: Buffer) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new ValidationError(
        `The text after line ${line} is not UTF-8, though the start of the file is. Save the file again as CSV UTF-8 and upload that.`,
      );
    }
  };
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    const rows = reader.push(decode(chunk as Buffer));
    if (rows.length > 0) {
      line = rows.at(-1)!.line;
      yield rows;
    }
  }
  const rows = [...reader.push(decode()), ...reader.end()];
  if (rows.length > 0) yield rows;
}

/** Header and rows of a file: the first row is the header. */
export async function readHeaderAndPreview(
  path: string,
  format: CsvFormat,
  limit: number,
): Promise<{ headers: string[]; rows: CsvRecord[] }> {
  let headers: string[] | null = null;
  const rows: CsvRecord[] = [];
  for await (const batch of readCsvBatches(path, format)) {
    for (const row of batch) {
      if (!headers) headers = row.cells.map((c) => c.trim());
      else rows.push(row);
      if (rows.length >= limit) return { headers, rows };
    }
  }
  return { headers: headers ?? [], rows };
}

/**
 * The given lines of a file as a report shows a row (its cells as CSV), read
 * again for rows whose fate is known only once the whole file is written.
 */
export async function readLines(path: string, format: CsvFormat, lines: Set<number>): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  // Not Math.max(...lines): spreading a corrected million-row file's lines overflows the call stack.
  let last = 0;
  for (const line of lines) last = Math.max(last, line);
  for await (const batch of readCsvBatches(path, format)) {
    for (const row of batch) if (lines.has(row.line)) found.set(row.line, csvLine(row.cells));
    if (batch.at(-1)!.line >= last) break;
  }
  return found;
}

/**
 * A row with more cells than the header has columns, the extra ones not empty:
 * a value holding the delimiter without quotes ("Acme, Inc."), which would
 * shift every later cell into the wrong column. Empty extra cells (trailing
 * delimiters, as some exports write) are harmless.
 */
export function extraCellsProblem(headers: string[], cells: string[], format: CsvFormat): RowError | null {
  if (cells.length <= headers.length || cells.slice(headers.length).every((c) => c.trim() === "")) return null;
  return {
    column: "",
    reason: `has ${cells.length} cells where the header has ${headers.length} columns: a value holding a ${DELIMITER_NAMES[format.delimiter]} must be in double quotes`,
  };
}

/** Where each field sits in a row, from the header and the column → field mapping. */
interface Layout {
  headers: string[];
  byField: Map<string, number>;
  traits: [string, number][];
}

/** A row's cells read through the layout; one small object per row, no closures. */
class MappedCells implements MappedRow {
  constructor(
    private layout: Layout,
    private cells: string[],
  ) {}

  get(field: string): string {
    const i = this.layout.byField.get(field);
    return i === undefined ? "" : (this.cells[i] ?? "");
  }

  column(field: string): string {
    const i = this.layout.byField.get(field);
    return i === undefined ? field : this.layout.headers[i]!;
  }

  get traits(): [string, string][] {
    return this.layout.traits.map(([name, i]) => [name, this.cells[i] ?? ""]);
  }
}

/** Reads a row's cells through the column → field mapping. */
export function mapRow(headers: string[], mapping: Record<string, string>) {
  const layout: Layout = { headers, byField: new Map(), traits: [] };
  headers.forEach((h, i) => {
    const target = mapping[h] ?? "";
    if (target.startsWith("trait:")) layout.traits.push([target.slice(6), i]);
    else if (target) layout.byField.set(target, i);
  });
  return (cells: string[]): MappedRow => new MappedCells(layout, cells);
}
