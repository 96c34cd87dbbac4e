import { describe, expect, it } from "vitest";
import { checkRow, type ImportLookups, type MappedRow } from "@/lib/services/imports/rows";
import { wideValues } from "@/lib/services/imports/wide";
import { memberLookup } from "@/lib/validation/imports";

const OLIVIA = "0196f1a2-0000-7000-8000-000000000001";
const ALEX = "0196f1a2-0000-7000-8000-000000000002";
const OTHER_ALEX = "0196f1a2-0000-7000-8000-000000000003";
const lookups: ImportLookups = {
  accounts: new Map(),
  metrics: new Map(),
  members: memberLookup([
    { id: OLIVIA, email: "olivia@acme.example", name: "Olivia Rossi" },
    { id: ALEX, email: "alex@acme.example", name: "Alex Kim" },
    { id: OTHER_ALEX, email: "alex.kim@acme.example", name: "alex  kim" },
  ]),
  teams: new Map(),
  now: new Date("2026-06-15T00:00:00Z"),
  decimal: "point",
  dates: "iso",
};

/** An accounts row with this owner cell. */
const owned = (owner: string): MappedRow => {
  const cells: Record<string, string> = { external_id: "A-1", name: "Acme", owner_email: owner };
  return { get: (field) => cells[field] ?? "", column: (field) => field, traits: [] };
};

describe("an account's owner", () => {
  it("is a member named by email or by name, in any case and spacing", () => {
    for (const owner of ["Olivia@Acme.example", "Olivia Rossi", "  olivia   ROSSI "])
      expect(checkRow("accounts", owned(owner), lookups).record).toMatchObject({ ownerId: OLIVIA });
  });

  it("is refused when the name is two members', or no member's; their emails still tell them apart", () => {
    expect(checkRow("accounts", owned("alex.kim@acme.example"), lookups).record).toMatchObject({ ownerId: OTHER_ALEX });
    expect(checkRow("accounts", owned("Alex Kim"), lookups).errors).toEqual([
      { column: "owner_email", reason: '"Alex Kim" is the name of more than one member: use the email' },
    ]);
    expect(checkRow("accounts", owned("Sam Doe"), lookups).errors).toEqual([
      { column: "owner_email", reason: "Sam Doe is not the email or name of a member of this organisation" },
    ]);
  });
});

describe("an outcome's kind", () => {
  const ACCOUNT = "0196f1a2-0000-7000-8000-0000000000aa";
  const outcome = (kind: string) => {
    const cells: Record<string, string> = { account_external_id: "A-1", kind, occurred_on: "2026-05-01" };
    const row: MappedRow = { get: (field) => cells[field] ?? "", column: (field) => field, traits: [] };
    return checkRow("outcomes", row, { ...lookups, accounts: new Map([["A-1", ACCOUNT]]) });
  };

  it("is read from the words CRMs record it by, in any case", () => {
    const kinds = ["renewed", "Renewal", "Churn", "cancelled", "Upsell", "Expansion", "Downsell", "CONTRACTION"].map(
      (word) => (outcome(word).record as { kind: string } | undefined)?.kind,
    );
    expect(kinds).toEqual([
      "renewed",
      "renewed",
      "churned",
      "churned",
      "expanded",
      "expanded",
      "contracted",
      "contracted",
    ]);
  });

  it("is refused when it is none of them, saying which it takes", () => {
    expect(outcome("Won").errors).toEqual([
      {
        column: "kind",
        reason: '"Won" is not one of renewed, churned, expanded, contracted (or renewal, churn, upsell, downsell…)',
      },
    ]);
  });
});

describe("a cell that says it has no value", () => {
  const row = (cells: Record<string, string>): MappedRow => ({
    get: (field) => cells[field] ?? "",
    column: (field) => field,
    traits: [],
  });

  it("leaves an account's number or date empty, as a blank cell does", () => {
    const checked = checkRow(
      "accounts",
      row({ external_id: "A-1", name: "Acme", arr: "N/A", renewal_date: "-" }),
      lookups,
    );
    expect(checked.record).toMatchObject({ arr: null, renewalDate: null });
  });

  it("is no observation: required in a row per reading, skipped in a column per metric", () => {
    const metrics = new Map([["csat", { id: "m-csat", valueType: "number", options: [] }]]);
    const reading = row({ account_external_id: "A-1", metric: "csat", observed_at: "2026-06-01", value: "#N/A" });
    expect(
      checkRow("observations", reading, { ...lookups, metrics, accounts: new Map([["A-1", "a-1"]]) }).errors,
    ).toEqual([{ column: "value", reason: 'is required ("#N/A" is no value)' }]);
    const wide = row({
      account_external_id: "A-1",
      observed_at: "2026-06-01",
      "metric:csat": "n/a",
      "metric:nps": "40",
    });
    expect(wideValues(wide, ["metric:csat", "metric:nps"]).map((v) => [v.get("metric"), v.get("value")])).toEqual([
      ["nps", "40"],
    ]);
  });
});

describe("an observation's metric", () => {
  const metrics = new Map([["nps", { id: "m-nps", valueType: "number", options: [] }]]);
  const reading = (metric: string) => {
    const cells: Record<string, string> = {
      account_external_id: "A-1",
      metric,
      observed_at: "2026-06-01",
      value: "40",
    };
    const row: MappedRow = { get: (field) => cells[field] ?? "", column: (field) => field, traits: [] };
    return checkRow("observations", row, { ...lookups, metrics, accounts: new Map([["A-1", "a-1"]]) });
  };

  it("is its key in any case, since keys are lowercase", () => {
    for (const key of ["nps", "NPS", "Nps"]) expect(reading(key).record).toMatchObject({ metricId: "m-nps" });
    expect(reading("net_promoter").errors).toEqual([{ column: "metric", reason: 'unknown metric "net_promoter"' }]);
  });
});
