import { describe, expect, it } from "vitest";
import {
  formatAge,
  formatAxisDay,
  formatCount,
  formatDateTime,
  formatDay,
  formatMoney,
  formatMoneyCompact,
  formatNumber,
  formatRunDuration,
} from "@/lib/format";

describe("display formatting", () => {
  it("shows calendar days and instants in UTC whatever the process's time zone", () => {
    expect(formatDay("2026-11-22")).toBe("22 Nov 2026");
    expect(formatDay("2026-01-01T23:30:00-05:00")).toBe("2 Jan 2026");
    expect(formatDay(null)).toBe("—");
    expect(formatDateTime("2026-11-22T02:05:00Z")).toBe("22 Nov 2026, 02:05 UTC");
  });

  it("labels a chart's days short, with the year when the axis spans years", () => {
    expect(formatAxisDay("2026-08-27", false)).toBe("27 Aug");
    expect(formatAxisDay("2025-11-25", true)).toBe("25 Nov 25");
  });

  it("formats money, numbers and ages", () => {
    expect(formatMoney(1234567.4)).toBe("$1,234,567");
    expect(formatMoneyCompact(1_250_000)).toBe("$1.3M");
    expect([0, 950, 18_100, 120_000].map(formatMoneyCompact)).toEqual(["$0", "$950", "$18.1K", "$120K"]);
    expect(formatNumber(71.26)).toBe("71.3");
    expect(formatNumber(null)).toBe("—");
    expect([formatAge(0), formatAge(1), formatAge(9)]).toEqual(["today", "1 day ago", "9 days ago"]);
    expect([formatCount(1, "account"), formatCount(0, "row"), formatCount(1204, "account")]).toEqual([
      "1 account",
      "0 rows",
      "1,204 accounts",
    ]);
    expect(formatCount(2, "index", "indices")).toBe("2 indices");
  });

  it("says how long a scoring run took, or has been running so far", () => {
    const startedAt = "2026-11-22T02:00:00.000Z";
    const now = "2026-11-22T02:00:12.400Z";
    expect(formatRunDuration({ status: "succeeded", startedAt, finishedAt: "2026-11-22T02:00:04.25Z" }, now)).toBe(
      "4.3 s",
    );
    expect(formatRunDuration({ status: "running", startedAt, finishedAt: null }, now)).toBe("12 s so far");
    expect(formatRunDuration({ status: "queued", startedAt, finishedAt: null }, now)).toBe("—");
  });
});
