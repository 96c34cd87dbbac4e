import { describe, expect, it } from "vitest";
import { guessMapping, missingRequiredFields } from "@/lib/validation/imports";

describe("guessMapping", () => {
  it("maps columns by name in any case and with spaces or dashes, the rest of an accounts file to traits", () => {
    expect(
      guessMapping("accounts", [
        "Account ID",
        "Company Name",
        "Website",
        "CSM-Email",
        "ARR",
        "Contract End Date",
        "Industry",
      ]),
    ).toEqual({
      "Account ID": "external_id",
      "Company Name": "name",
      Website: "domain",
      "CSM-Email": "owner_email",
      ARR: "arr",
      "Contract End Date": "renewal_date",
      Industry: "trait:industry",
    });
  });

  it("maps a CRM export's owner, plan and contract columns, and keeps its Annual Revenue (the customer's own) as a trait", () => {
    expect(
      guessMapping("accounts", [
        "Record ID",
        "Account Owner",
        "Plan Tier",
        "Contract Start",
        "Seat Count",
        "Annual Revenue",
      ]),
    ).toEqual({
      "Record ID": "external_id",
      "Account Owner": "owner_email",
      "Plan Tier": "plan",
      "Contract Start": "start_date",
      "Seat Count": "seats",
      "Annual Revenue": "trait:annual_revenue",
    });
  });

  it("maps a CRM's outcome export: opportunity type, close date, prior and new ARR", () => {
    expect(
      guessMapping("outcomes", ["Account ID", "Opportunity Type", "Close Date", "Prior ARR", "New ARR", "Notes"]),
    ).toEqual({
      "Account ID": "account_external_id",
      "Opportunity Type": "kind",
      "Close Date": "occurred_on",
      "Prior ARR": "arr_before",
      "New ARR": "arr_after",
      Notes: "note",
    });
  });

  it("maps a wide usage export's columns named as metrics (by key or name) to them; then Metric key and Value are not needed", () => {
    const metrics = [
      { key: "logins_30d", name: "Logins (30 days)" },
      { key: "nps", name: "NPS" },
    ];
    const mapping = guessMapping("observations", ["Account", "Date", "logins-30d", "nps", "Plan"], metrics);
    expect(mapping).toEqual({
      Account: "account_external_id",
      Date: "observed_at",
      "logins-30d": "metric:logins_30d",
      nps: "metric:nps",
      Plan: "",
    });
    expect(missingRequiredFields("observations", mapping)).toEqual([]);
    expect(missingRequiredFields("observations", { ...mapping, Date: "" }).map((f) => f.label)).toEqual([
      "Observed at",
    ]);
    // A row-per-reading file's column that happens to be named as a metric is left alone.
    expect(guessMapping("observations", ["account", "metric", "date", "value", "nps"], metrics).nps).toBe("");
  });

  it("maps an observation export's columns, and leaves unknown ones unmapped rather than guessing", () => {
    const mapping = guessMapping("observations", ["Customer ID", "Metric Key", "Day", "Value", "Kunden-Notiz"]);
    expect(mapping).toEqual({
      "Customer ID": "account_external_id",
      "Metric Key": "metric",
      Day: "observed_at",
      Value: "value",
      "Kunden-Notiz": "",
    });
    expect(missingRequiredFields("observations", mapping)).toEqual([]);
  });

  it("maps each field once: a second column of the same name is left for the user", () => {
    const mapping = guessMapping("outcomes", ["account", "account_id", "kind", "date"]);
    expect(mapping).toEqual({ account: "account_external_id", account_id: "", kind: "kind", date: "occurred_on" });
  });
});
