/** How a file writes decimals: 3.5, or 3,5 as spreadsheets in decimal-comma locales save it. */
export type DecimalMark = "point" | "comma";

export type NumberReading = { ok: true; value: number } | { ok: false; reason: string };

// A space (also the no-break spaces French and Swiss spreadsheets use) groups thousands in either convention.
const SPACES = "\u00a0\u202f ";
// Grouped digits never start with a lone 0 (0.125 is a decimal, whatever the file's convention).
const GROUPED = {
  point: new RegExp(`^[+-]?[1-9]\\d{0,2}([,${SPACES}]\\d{3})+(\\.\\d+)?$`),
  comma: new RegExp(`^[+-]?[1-9]\\d{0,2}([.${SPACES}]\\d{3})+(,\\d+)?$`),
};
const PLAIN = {
  point: /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i,
  comma: /^[+-]?(\d+,?\d*|,\d+)$/,
};
const DIGITS = /^-?\d+(\.\d+)?$/;
const CURRENCY = /^([+-]?)\s*[$€£]\s*|\s*[$€£]$/g;

/**
 * Reads a number as a spreadsheet writes it: an optional sign and currency
 * symbol, digits in groups of thousands or not, decimals after the file's
 * decimal mark. Text whose meaning hangs on the convention is refused with a
 * reason rather than guessed: in a decimal-point file "1,5" could be one and a
 * half or a slip for 15, and in a decimal-comma file "1.250" could be 1250 or
 * one and a quarter.
 */
export function readNumber(text: string, decimal: DecimalMark): NumberReading {
  // Most cells of a large file are plain digits (a million-row import reads a million of them).
  if (decimal === "point" && DIGITS.test(text)) return { ok: true, value: Number(text) };
  const t = text.replace(CURRENCY, "$1");
  if (PLAIN[decimal].test(t)) return { ok: true, value: Number(t.replace(",", ".")) };
  if (decimal === "comma" && /^[+-]?[1-9]\d{0,2}\.\d{3}$/.test(t))
    return {
      ok: false,
      reason: `"${text}" is ambiguous in a file whose decimals take a comma: write ${t.replace(".", "")} for thousands or ${t.replace(".", ",")} for decimals`,
    };
  if (GROUPED[decimal].test(t)) {
    const digits = t.replace(decimal === "point" ? /[,\s]/g : /[.\s]/g, "");
    return { ok: true, value: Number(digits.replace(",", ".")) };
  }
  // A decimal point in a decimal-comma file (12.5) reads as written; it cannot be a thousands group.
  if (decimal === "comma" && PLAIN.point.test(t)) return { ok: true, value: Number(t) };
  if (decimal === "point" && /^[+-]?\d*,\d+$/.test(t))
    return {
      ok: false,
      reason: `"${text}" is not a number in this file, whose decimals take a point (1.5); a comma only groups thousands (1,500)`,
    };
  return { ok: false, reason: `"${text}" is not a number` };
}
