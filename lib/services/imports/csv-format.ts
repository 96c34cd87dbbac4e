import { open } from "node:fs/promises";
import { CsvReader, DELIMITER_NAMES, detectDelimiter, type CsvDelimiter } from "../../csv-reader";
import { ValidationError } from "../../errors";
import { orderFromEvidence, slashDateParts, type DateConvention, type DateOrder } from "./dates";
import type { DecimalMark } from "./numbers";

const HEAD_BYTES = 1 << 16;

/** How a file is written, as spreadsheets in different locales save "CSV". */
export interface CsvFormat {
  /** UTF-8 (with or without a byte-order mark), UTF-16 (with one, as Excel's "Unicode Text"), else Windows-1252. */
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
  delimiter: CsvDelimiter;
  /** Semicolon-separated files come from decimal-comma locales (3,5); the others write 3.5. */
  decimal: DecimalMark;
  /** Slash dates in the first 64 KB: whether any could be read both ways, and the order the others tell, if one. */
  slashDates: { seen: boolean; ambiguous: boolean; order: DateOrder | null };
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

/** The slash dates among the cells of the file's first 64 KB. */
function sampleSlashDates(text: string, delimiter: CsvDelimiter, whole: boolean): CsvFormat["slashDates"] {
  const parts: [number, number][] = [];
  try {
    const reader = new CsvReader(delimiter);
    for (const { cells } of [...reader.push(text), ...(whole ? reader.end() : [])])
      for (const cell of cells) {
        const date = slashDateParts(cell.trim());
        if (date) parts.push(date);
      }
  } catch {
    // A broken quote: the commit names its line; the sample tells what it read before it.
  }
  return {
    seen: parts.length > 0,
    ambiguous: parts.some(([a, b]) => a !== b && a <= 12 && b <= 12),
    order: orderFromEvidence(parts),
  };
}

/** The file's encoding, delimiter, decimal mark and slash dates, from its first 64 KB. */
export async function detectCsvFormat(path: string): Promise<CsvFormat> {
  const file = await open(path);
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(HEAD_BYTES), 0, HEAD_BYTES, 0);
    const head = buffer.subarray(0, bytesRead);
    const encoding = detectEncoding(head);
    const text = new TextDecoder(encoding).decode(head, { stream: true });
    const delimiter = detectDelimiter(text.split(/\r\n|\r|\n/, 1)[0] ?? "");
    return {
      encoding,
      delimiter,
      decimal: delimiter === ";" ? "comma" : "point",
      slashDates: sampleSlashDates(text, delimiter, bytesRead < HEAD_BYTES),
    };
  } finally {
    await file.close();
  }
}

/** How the file's dates are read: the order chosen on the review page, else the one its dates tell. */
export function dateConvention(format: CsvFormat, chosen: DateOrder | null): DateConvention {
  return chosen ?? format.slashDates.order ?? "undecided";
}

/** Whether someone must choose how to read the file's dates before it is imported. */
export const needsDateOrder = (format: CsvFormat, chosen: DateOrder | null) =>
  format.slashDates.ambiguous && dateConvention(format, chosen) === "undecided";

/** The format in words, for the review page. */
export function describeCsvFormat(format: CsvFormat, chosen: DateOrder | null): string {
  const cells = DELIMITER_NAMES[format.delimiter];
  const encoding = { "utf-8": "UTF-8", "utf-16le": "UTF-16", "utf-16be": "UTF-16", "windows-1252": "Windows-1252" }[
    format.encoding
  ];
  const numbers = `numbers with a decimal ${format.decimal} (${format.decimal === "point" ? "3.5" : "3,5"})`;
  const order = format.slashDates.seen ? dateConvention(format, chosen) : "iso";
  const dates = order === "dmy" ? "; dates day/month/year" : order === "mdy" ? "; dates month/day/year" : "";
  return `${encoding}, ${cells}-separated; ${numbers}${dates}`;
}
