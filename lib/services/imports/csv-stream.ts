import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { CsvReader, detectDelimiter, type CsvDelimiter, type CsvRecord } from "../../csv-reader";
import { ValidationError } from "../../errors";
import type { DecimalMark } from "./numbers";
import type { MappedRow } from "./rows";

const CHUNK_BYTES = 1 << 16;

/** How a file is written, as spreadsheets in different locales save "CSV". */
export interface CsvFormat {
  /** UTF-8 (with or without a byte-order mark), UTF-16 (with one, as Excel's "Unicode Text"), else Windows-1252. */
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
  delimiter: CsvDelimiter;
  /** Semicolon-separated files come from decimal-comma locales (3,5); the others write 3.5. */
  decimal: DecimalMark;
}

const WORKBOOKS: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], "an Excel workbook (.xlsx)"],
  [[0xd0, 0xcf, 0x11, 0xe0], "an Excel 97–2003 workbook (.xls)"],
];

function detectEncoding(head: Buffer): CsvFormat["encoding"] {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  // The commonest wrong file: a workbook saved as such rather than as CSV.
  const workbook = WORKBOOKS.find(([magic]) => magic.every((byte, i) => head[i] === byte));
  if (workbook)
    throw new ValidationError(
      `This is ${workbook[1]}, not a CSV file. Save it as CSV from the spreadsheet (File → Save a copy → CSV UTF-8) and upload that.`,
    );
  if (head.includes(0)) throw new ValidationError("This is not a text file: upload the data as CSV.");
  try {
    // Streaming, so that a character cut off by the end of the sample is not taken for an error.
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return "utf-8";
  } catch {
    return "windows-1252";
  }
}

/** The file's encoding, delimiter and decimal mark, from its first 64 KB and header line. */
export async function detectCsvFormat(path: string): Promise<CsvFormat> {
  const file = await open(path);
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(CHUNK_BYTES), 0, CHUNK_BYTES, 0);
    const head = buffer.subarray(0, bytesRead);
    const encoding = detectEncoding(head);
    const text = new TextDecoder(encoding).decode(head, { stream: true });
    const delimiter = detectDelimiter(text.split(/\r\n|\r|\n/, 1)[0] ?? "");
    return { encoding, delimiter, decimal: delimiter === ";" ? "comma" : "point" };
  } finally {
    await file.close();
  }
}

/** The format in words, for the review page. */
export function describeCsvFormat(format: CsvFormat): string {
  const cells = { ",": "comma", ";": "semicolon", "\t": "tab" }[format.delimiter];
  const encoding = { "utf-8": "UTF-8", "utf-16le": "UTF-16", "utf-16be": "UTF-16", "windows-1252": "Windows-1252" }[
    format.encoding
  ];
  return `${encoding}, ${cells}-separated; numbers with a decimal ${format.decimal} (${format.decimal === "point" ? "3.5" : "3,5"})`;
}

/**
 * Streams a CSV file as batches of rows, one per 64 KB read; memory stays flat
 * whatever the file's size. Batches keep the per-row cost of a million-row
 * import to the parsing itself, and small ones let each row's objects die young.
 */
export async function* readCsvBatches(path: string, format: CsvFormat): AsyncGenerator<CsvRecord[]> {
  const reader = new CsvReader(format.delimiter);
  const decoder = new TextDecoder(format.encoding);
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    const rows = reader.push(decoder.decode(chunk as Buffer, { stream: true }));
    if (rows.length > 0) yield rows;
  }
  const rows = [...reader.push(decoder.decode()), ...reader.end()];
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
