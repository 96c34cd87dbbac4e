import { beforeAll, describe, expect, it } from "vitest";
import { getImportJobOrThrow } from "@/lib/db/imports";
import { receiveUpload } from "@/lib/services/imports/upload";
import { requestImportCommit, saveImportMapping } from "@/lib/services/imports/review";
import type { TenantContext } from "@/lib/tenant";
import { createTestOrg, TEST_TODAY, type TestOrg } from "../support/factories";
import { storedValue, uploadAndCommit, uploadBody } from "../support/uploads";

// Usage exports come "wide": a row per account and day, a column per metric.
let org: TestOrg;
let admin: TenantContext;
const NOW = new Date(TEST_TODAY.getTime() + 12 * 3600_000);

beforeAll(async () => {
  org = await createTestOrg({ accounts: 3, days: 2, seed: 57 });
  admin = await org.contextFor("admin");
});

const a = () => org.plan.accounts[0]!.externalId;
const wideFile = () =>
  [
    "Customer ID,Date,Support CSAT,csm_sentiment,Notes",
    `${a()},2026-06-10,4.5,Good,renewal call went well`,
    `${a()},2026-06-11,,Bad,`,
    `NOPE-1,2026-06-10,4,Good,`,
    `${a()},2026-06-12,lots,Neutral,`,
  ].join("\n");

describe("a wide observations file (a column per metric)", () => {
  it("maps columns named as metrics to them, and imports each non-empty cell as a value", async () => {
    const { preview, job, rejected } = await uploadAndCommit(admin, "observations", wideFile(), NOW);
    expect(job.mapping).toEqual({
      "Customer ID": "account_external_id",
      Date: "observed_at",
      "Support CSAT": "metric:csat",
      csm_sentiment: "metric:csm_sentiment",
      Notes: "",
    });
    // The preview tells a row's problem once, however many of its values it spoils.
    expect(preview.rows.map((r) => r.errors.map((e) => `${e.column}: ${e.reason}`))).toEqual([
      [],
      [],
      ['Customer ID: account "NOPE-1" does not exist (import it first)'],
      ['Support CSAT: "lots" is not a number'],
    ]);
    // Seven values in four rows (an empty cell is no reading): three rejected.
    expect(job).toMatchObject({ status: "committed", totalRows: 7, acceptedRows: 4, newRows: 4, rejectedRows: 3 });
    // The earliest reading it accepted (its first row, of 10 June), for "score the past".
    expect(job.earliestAt).toEqual(new Date("2026-06-10T00:00:00Z"));
    expect(rejected).toEqual([
      { line: 4, column: "Customer ID", reason: 'account "NOPE-1" does not exist (import it first)' },
      { line: 5, column: "Support CSAT", reason: '"lots" is not a number' },
    ]);
    expect(await storedValue(org, "csat", "2026-06-10")).toBe(4.5);
    expect(await storedValue(org, "csat", "2026-06-11")).toBeUndefined();
    expect(await storedValue(org, "csat", "2026-06-12")).toBeUndefined();

    const again = await uploadAndCommit(admin, "observations", wideFile(), NOW);
    expect(again.job).toMatchObject({ acceptedRows: 4, newRows: 0 });
  });

  it("refuses a mapping that mixes a column per metric with Metric key and Value, or names no metric", async () => {
    const { id } = await receiveUpload(admin, {
      kind: "observations",
      fileName: "wide.csv",
      body: uploadBody(wideFile()),
    });
    const { mapping } = await getImportJobOrThrow(admin, id);
    await expect(saveImportMapping(admin, id, { ...mapping, Notes: "value" })).rejects.toThrow(
      "Map columns either to Metric key and Value (a row per reading) or each to a metric (a column per metric), not both.",
    );
    await expect(saveImportMapping(admin, id, { ...mapping, Notes: "metric:nps_typo" })).rejects.toThrow(
      'Column "Notes": no metric has the key "nps_typo".',
    );
    await saveImportMapping(admin, id, { ...mapping, Date: "" });
    await expect(requestImportCommit(admin, id)).rejects.toThrow("Map a column to Observed at first.");
  });

  it("names the metric's column when a later row gives one of its values another value", async () => {
    const csv = ["account,day,Support CSAT,csm_sentiment", `${a()},2026-06-09,4,Good`, `${a()},2026-06-09,3,Good`];
    const { job, rejected } = await uploadAndCommit(admin, "observations", csv.join("\n"), NOW);
    expect(job).toMatchObject({ totalRows: 4, acceptedRows: 3, newRows: 2, rejectedRows: 1 });
    expect(rejected).toEqual([
      {
        line: 3,
        column: "Support CSAT",
        reason: "repeats the observation (same account, metric and time) of line 2 with another value",
      },
    ]);
  });
});
