import { describe, expect, it } from "vitest";
import { readNumber } from "@/lib/services/imports/numbers";

const value = (text: string, decimal: "point" | "comma") => {
  const read = readNumber(text, decimal);
  return read.ok ? read.value : read.reason;
};

describe("readNumber", () => {
  it("reads decimal-point numbers with thousands groups, signs and currency", () => {
    expect(
      ["3.6", "-4", ".5", "1e3", "1,500", "$1,200.50", "1 234.5", "1\u00a0234", "+7"].map((t) => value(t, "point")),
    ).toEqual([3.6, -4, 0.5, 1000, 1500, 1200.5, 1234.5, 1234, 7]);
  });

  it("reads decimal-comma numbers as written in semicolon-separated files", () => {
    expect(
      ["3,6", "1.234,5", "1 234,5", "1.234.567", "125 000 €", "€ 3,5", "12.5", "0.125", "-,5"].map((t) =>
        value(t, "comma"),
      ),
    ).toEqual([3.6, 1234.5, 1234.5, 1234567, 125000, 3.5, 12.5, 0.125, -0.5]);
  });

  it("refuses what it would have to guess, saying why", () => {
    expect(value("1,5", "point")).toBe(
      '"1,5" is not a number in this file, whose decimals take a point (1.5); a comma only groups thousands (1,500)',
    );
    expect(value("1.250", "comma")).toBe(
      '"1.250" is ambiguous in a file whose decimals take a comma: write 1250 for thousands or 1,250 for decimals',
    );
    expect(value("12,34,567", "point")).toBe('"12,34,567" is not a number');
    expect(value("lots", "comma")).toBe('"lots" is not a number');
    expect(value("0,125", "point")).toMatch(/decimals take a point/);
  });
});
