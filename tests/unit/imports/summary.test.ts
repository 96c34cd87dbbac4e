import { describe, expect, it } from "vitest";
import { describeImportedRows } from "@/lib/imports/summary";

const job = { totalRows: 1000, rejectedRows: 0 };

describe("what an import's accepted rows did, in words", () => {
  it("tells new, changed and unchanged accounts apart", () => {
    expect(
      describeImportedRows(
        { ...job, kind: "accounts", acceptedRows: 1000, newRows: 12, changedRows: 30 },
        "row",
        "rows",
      ),
    ).toBe(
      "12 new accounts; 30 rows changed an account already stored; 958 rows came as the account is stored, or repeated an earlier line, and changed nothing.",
    );
  });

  it("leaves out the counts that are zero", () => {
    expect(
      describeImportedRows({ ...job, kind: "outcomes", acceptedRows: 5, newRows: 0, changedRows: 5 }, "row", "rows"),
    ).toBe("0 new outcomes; 5 rows changed an outcome already stored.");
  });

  it("counts observations (which never change) in values for a wide file", () => {
    expect(
      describeImportedRows(
        { ...job, kind: "observations", acceptedRows: 4, newRows: 3, changedRows: null },
        "value",
        "values",
      ),
    ).toBe(
      "3 new observations; 1 value repeated an observation already stored or on an earlier line (same account, metric, time and value) and changed nothing.",
    );
  });

  it("keeps the old words for imports committed before changes were counted, and says nothing without counts", () => {
    expect(
      describeImportedRows({ ...job, kind: "accounts", acceptedRows: 3, newRows: 1, changedRows: null }, "row", "rows"),
    ).toBe("1 new account; 2 rows updated an account already stored or repeated an earlier line.");
    expect(
      describeImportedRows(
        { ...job, kind: "accounts", acceptedRows: 3, newRows: null, changedRows: null },
        "row",
        "rows",
      ),
    ).toBeNull();
  });
});
