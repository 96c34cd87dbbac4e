/** The order of a slash date's day and month (06/07/2026), as a file's locale writes it. */
export type DateOrder = "dmy" | "mdy";

/**
 * How dates are read: ISO only (the API), a file's slash dates in a known
 * order, or `undecided` — slash dates accepted only where the order cannot
 * matter (14/06/2026, 06/14/2026, 6/6/2026).
 */
export type DateConvention = "iso" | DateOrder | "undecided";

export type DateReading = { ok: true; date: Date } | { ok: false; reason: string };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const TIME = String.raw`(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})/(\d{1,2})/(\d{1,2})${TIME}$`, "i");
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})${TIME}$`, "i");
const SLASHED = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})${TIME}$`, "i");
// A month by its English name or abbreviation: 14-Jun-2026, 14 June 2026, Jun 14, 2026, June 14th 2026.
const NAMED_DAY_FIRST = new RegExp(String.raw`^(\d{1,2})[- ]([a-z]{3,9})\.?[- ](\d{4})${TIME}$`, "i");
const NAMED_MONTH_FIRST = new RegExp(String.raw`^([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})${TIME}$`, "i");
// 6/14/26, 14.06.26, 14-Jun-26: which century is a guess.
const SHORT_YEAR = /^(?:\d{1,2}[/.]\d{1,2}[/.]|\d{1,2}[- ][a-z]{3,9}\.?[- ])\d{2}(?:[T ]|$)/i;

const MONTHS = "January February March April May June July August September October November December".split(" ");

/** 1–12 for a month's English name or abbreviation (Jun, June, Sept), else 0. */
function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((m) => {
    const full = m.toLowerCase();
    return full === lower || (lower.length >= 3 && full.startsWith(lower) && lower.length <= 4);
  });
  return index + 1;
}

function readNamed(text: string, d: string, month: string, y: string, time: (string | undefined)[]): DateReading {
  const mo = monthNumber(month);
  return mo ? utc(text, Number(y), mo, Number(d), time) : { ok: false, reason: NOT_A_DATE(text) };
}
const NOT_A_DATE = (text: string) => `"${text}" is not a date (use YYYY-MM-DD or an ISO time)`;

/** Day and month of a slash date's two leading numbers, when its text is one (for a file's sample). */
export function slashDateParts(text: string): [number, number] | null {
  const m = SLASHED.exec(text);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** The order a file's slash dates tell by themselves: a first number over 12 is a day, a second one a month's day. */
export function orderFromEvidence(parts: Iterable<[number, number]>): DateOrder | null {
  let dayFirst = false;
  let monthFirst = false;
  for (const [a, b] of parts) {
    if (a > 12) dayFirst = true;
    if (b > 12) monthFirst = true;
  }
  return dayFirst === monthFirst ? null : dayFirst ? "dmy" : "mdy";
}

function utc(text: string, y: number, mo: number, d: number, time: (string | undefined)[]): DateReading {
  let hour = Number(time[0] ?? 0);
  const minute = Number(time[1] ?? 0);
  const second = Number(time[2] ?? 0);
  const half = time[3]?.toLowerCase();
  if (half) {
    if (hour < 1 || hour > 12) return { ok: false, reason: NOT_A_DATE(text) };
    hour = (hour % 12) + (half === "pm" ? 12 : 0);
  }
  const ms = Date.UTC(y, mo - 1, d, hour, minute, second);
  const date = new Date(ms);
  // Date.UTC rolls 30 February over into March; a date must name a day that exists.
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || hour > 23 || minute > 59 || second > 59)
    return { ok: false, reason: `"${text}" is not a day or time that exists` };
  return { ok: true, date };
}

function readIso(text: string, m: RegExpExecArray): DateReading {
  const read = utc(text, Number(m[1]), Number(m[2]), Number(m[3]), [m[4], m[5], m[6]]);
  if (!read.ok) return read;
  let ms = read.date.getTime() + (m[7] ? Math.round(Number(m[7]) * 1000) : 0);
  // A time without an offset is UTC.
  const zone = m[8]?.toUpperCase();
  if (zone && zone !== "Z") {
    const sign = zone[0] === "-" ? -1 : 1;
    const [h, mm] = [Number(zone.slice(1, 3)), Number(zone.slice(-2))];
    ms -= sign * (h * 60 + mm) * 60_000;
  }
  return { ok: true, date: new Date(ms) };
}

function readSlashed(text: string, m: RegExpExecArray, convention: DateConvention): DateReading {
  const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const time = [m[4], m[5], m[6], m[7]];
  let order: DateOrder;
  if (convention === "dmy" || convention === "mdy") order = convention;
  else if (a > 12 || b > 12 || a === b) order = a > 12 ? "dmy" : "mdy";
  else
    return {
      ok: false,
      reason: `"${text}" could be ${a} ${MONTHS[b - 1]} or ${MONTHS[a - 1]} ${b}: choose the file's date order, or write ${y}-${String(b).padStart(2, "0")}-${String(a).padStart(2, "0")} for ${a} ${MONTHS[b - 1]}`,
    };
  const [d, mo] = order === "dmy" ? [a, b] : [b, a];
  if (mo > 12)
    return {
      ok: false,
      reason: `"${text}" is not a date in ${order === "dmy" ? "day/month" : "month/day"}/year order`,
    };
  return utc(text, y, mo, d, time);
}

/**
 * Reads a date or time as spreadsheets write them: ISO (2026-06-14, with a
 * time and offset or not; no offset is UTC), 2026/06/14, 14.06.2026, slash
 * dates in the convention's order, and English month names (14-Jun-2026,
 * Jun 14, 2026); a time may follow (10:30, 2:15 PM). A day that does not
 * exist (30 February) is refused, not rolled over, and so is a two-digit year.
 */
export function readDate(text: string, convention: DateConvention): DateReading {
  const iso = ISO.exec(text);
  if (iso) return readIso(text, iso);
  if (convention === "iso") return { ok: false, reason: NOT_A_DATE(text) };
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) return utc(text, Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]), yearFirst.slice(4));
  const dotted = DOTTED.exec(text);
  if (dotted) return utc(text, Number(dotted[3]), Number(dotted[2]), Number(dotted[1]), dotted.slice(4));
  const slashed = SLASHED.exec(text);
  if (slashed) return readSlashed(text, slashed, convention);
  const dayFirst = NAMED_DAY_FIRST.exec(text);
  if (dayFirst) return readNamed(text, dayFirst[1]!, dayFirst[2]!, dayFirst[3]!, dayFirst.slice(4));
  const monthFirst = NAMED_MONTH_FIRST.exec(text);
  if (monthFirst) return readNamed(text, monthFirst[2]!, monthFirst[1]!, monthFirst[3]!, monthFirst.slice(4));
  if (SHORT_YEAR.test(text)) return { ok: false, reason: `"${text}" has a two-digit year: write the year in full` };
  return { ok: false, reason: NOT_A_DATE(text) };
}
