import { describe, expect, it } from "vitest";
import { csvField, spreadsheetField } from "@/lib/csv";

describe("CSV fields", () => {
  it("quotes a field holding a comma, quote or line break", () => {
    expect(["plain", "a,b", 'say "hi"', "two\nlines", 4.5, null].map(csvField)).toEqual([
      "plain",
      '"a,b"',
      '"say ""hi"""',
      '"two\nlines"',
      "4.5",
      "",
    ]);
  });

  it("keeps downloaded text from running as a spreadsheet formula, and numbers as numbers", () => {
    expect(
      ['=HYPERLINK("http://x","y")', "+cmd", "-2+3", "@SUM(A1)", "\tx", "-12.5", "+7", -3, "ACME-1", "a=b"].map(
        spreadsheetField,
      ),
    ).toEqual([
      `"'=HYPERLINK(""http://x"",""y"")"`,
      "'+cmd",
      "'-2+3",
      "'@SUM(A1)",
      "'\tx",
      "-12.5",
      "+7",
      "-3",
      "ACME-1",
      "a=b",
    ]);
  });
});
