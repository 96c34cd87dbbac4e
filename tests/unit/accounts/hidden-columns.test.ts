import { describe, expect, it } from "vitest";
import { hiddenColumnsSchema } from "@/lib/validation/accounts";

describe("the accounts list's hidden columns, as the cookie remembers them", () => {
  it("reads the columns it names, in order", () => {
    expect(hiddenColumnsSchema.parse("seats,plan,team")).toEqual(["seats", "plan", "team"]);
  });

  it("drops names that are no column one may hide, and repeats", () => {
    expect(hiddenColumnsSchema.parse("name,seats,bogus,seats,")).toEqual(["seats"]);
  });

  it("shows every column for an empty or oversized cookie", () => {
    expect(hiddenColumnsSchema.parse("")).toEqual([]);
    expect(hiddenColumnsSchema.parse("seats,".repeat(200))).toEqual([]);
  });
});
