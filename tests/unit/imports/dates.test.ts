import { describe, expect, it } from "vitest";
import { orderFromEvidence, readDate, type DateConvention } from "@/lib/services/imports/dates";

const read = (text: string, convention: DateConvention = "undecided") => {
  const r = readDate(text, convention);
  return r.ok ? r.date.toISOString() : r.reason;
};

describe("readDate", () => {
  it("reads ISO dates and times; a time without an offset is UTC", () => {
    expect(read("2026-06-14", "iso")).toBe("2026-06-14T00:00:00.000Z");
    expect(read("2026-06-14T10:30:00Z", "iso")).toBe("2026-06-14T10:30:00.000Z");
    expect(read("2026-06-14 10:30", "iso")).toBe("2026-06-14T10:30:00.000Z");
    expect(read("2026-06-14T10:30:00.250+02:00", "iso")).toBe("2026-06-14T08:30:00.250Z");
    expect(read("2026-06-14T01:00:00-0530", "iso")).toBe("2026-06-14T06:30:00.000Z");
  });

  it("refuses a day or time that does not exist instead of rolling it over", () => {
    expect(read("2026-02-30", "iso")).toBe('"2026-02-30" is not a day or time that exists');
    expect(read("2026-04-31T00:00:00Z", "iso")).toBe('"2026-04-31T00:00:00Z" is not a day or time that exists');
    expect(read("2026-06-14T24:10:00Z", "iso")).toBe('"2026-06-14T24:10:00Z" is not a day or time that exists');
    expect(read("29/02/2026", "dmy")).toBe('"29/02/2026" is not a day or time that exists');
    expect(read("29/02/2028", "dmy")).toBe("2028-02-29T00:00:00.000Z");
  });

  it("reads the spreadsheet forms whose order is plain: year first, dotted day first, a day over 12", () => {
    expect(read("2026/6/14")).toBe("2026-06-14T00:00:00.000Z");
    expect(read("14.06.2026 09:15")).toBe("2026-06-14T09:15:00.000Z");
    expect(read("14/06/2026")).toBe("2026-06-14T00:00:00.000Z");
    expect(read("6/14/2026 2:05 PM")).toBe("2026-06-14T14:05:00.000Z");
    expect(read("6/14/2026 12:05 am")).toBe("2026-06-14T00:05:00.000Z");
    expect(read("7/7/2026")).toBe("2026-07-07T00:00:00.000Z");
  });

  it("reads slash dates in the file's order, and refuses one that could read both ways when the order is open", () => {
    expect(read("06/07/2026", "dmy")).toBe("2026-07-06T00:00:00.000Z");
    expect(read("06/07/2026", "mdy")).toBe("2026-06-07T00:00:00.000Z");
    expect(read("06/07/2026")).toBe(
      '"06/07/2026" could be 6 July or June 7: choose the file\'s date order, or write 2026-07-06 for 6 July',
    );
    expect(read("14/06/2026", "mdy")).toBe('"14/06/2026" is not a date in month/day/year order');
  });

  it("takes only ISO where dates must be ISO (the API), and says what it expects", () => {
    expect(read("14/06/2026", "iso")).toBe('"14/06/2026" is not a date (use YYYY-MM-DD or an ISO time)');
    expect(read("June 14th")).toBe('"June 14th" is not a date (use YYYY-MM-DD or an ISO time)');
  });

  it("reads English month names, which leave no order open, with a time or not", () => {
    expect(read("14-Jun-2026")).toBe("2026-06-14T00:00:00.000Z");
    expect(read("14 June 2026 09:30")).toBe("2026-06-14T09:30:00.000Z");
    expect(read("Jun 14, 2026")).toBe("2026-06-14T00:00:00.000Z");
    expect(read("Sept 3rd 2026 2:15 PM")).toBe("2026-09-03T14:15:00.000Z");
    expect(read("31-Jun-2026")).toBe('"31-Jun-2026" is not a day or time that exists');
    expect(read("14-Juin-2026")).toBe('"14-Juin-2026" is not a date (use YYYY-MM-DD or an ISO time)');
    expect(read("Jun 14, 2026", "iso")).toBe('"Jun 14, 2026" is not a date (use YYYY-MM-DD or an ISO time)');
  });

  it("refuses a two-digit year, whose century would be a guess, saying so", () => {
    for (const text of ["6/14/26", "14.06.26", "14-Jun-26", "14/06/26 10:00"])
      expect(read(text)).toBe(`"${text}" has a two-digit year: write the year in full`);
  });
});

describe("orderFromEvidence", () => {
  it("tells the order from a first or second number over 12, and nothing from none or both", () => {
    expect(
      orderFromEvidence([
        [6, 7],
        [14, 6],
      ]),
    ).toBe("dmy");
    expect(
      orderFromEvidence([
        [6, 7],
        [6, 14],
      ]),
    ).toBe("mdy");
    expect(
      orderFromEvidence([
        [6, 7],
        [7, 6],
      ]),
    ).toBeNull();
    expect(
      orderFromEvidence([
        [14, 6],
        [6, 14],
      ]),
    ).toBeNull();
    expect(orderFromEvidence([])).toBeNull();
  });
});
