import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ingest } from "@/lib/services/api/ingest";
import type { TenantContext } from "@/lib/tenant";
import type { ImportKind } from "@/lib/validation/imports";
import { createTestOrg, TEST_TODAY, type TestOrg } from "../support/factories";
import { uploadAndCommit } from "../support/uploads";

// A file or request that names the same record twice: the first is written, an exact repeat is harmless,
// and a repeat with other values is rejected naming the line (or item) it repeats — never left to chance.
let org: TestOrg;
let admin: TenantContext;
const NOW = new Date(TEST_TODAY.getTime() + 12 * 3600_000);

beforeAll(async () => {
  org = await createTestOrg({ accounts: 3, days: 3, seed: 53 });
  admin = await org.contextFor("admin");
});

const importCsv = (kind: ImportKind, csv: string) => uploadAndCommit(admin, kind, csv, NOW);

describe("a file that repeats a record", () => {
  const a = () => org.plan.accounts[0]!.externalId;

  it("observations: the first line is written, an exact repeat is accepted, another value is rejected", async () => {
    const { job, rejected, preview } = await importCsv(
      "observations",
      [
        "account,metric,date,value",
        `${a()},csat,2026-06-10T08:00:00Z,4`,
        `${a()},csat,2026-06-10T08:00:00Z,4`,
        `${a()},csat,2026-06-10T08:00:00Z,2`,
        `${a()},csat,2026-06-11T08:00:00Z,3`,
      ].join("\n"),
    );
    expect(job).toMatchObject({ status: "committed", acceptedRows: 3, newRows: 2, rejectedRows: 1 });
    // The review's preview already told which line the commit would reject, and why.
    expect(preview.rows.map((r) => [r.line, r.errors.map((e) => `${e.column}: ${e.reason}`)])).toEqual([
      [2, []],
      [3, []],
      [4, ["value: repeats the observation (same account, metric and time) of line 2 with another value"]],
      [5, []],
    ]);
    expect(rejected).toEqual([
      {
        line: 4,
        column: "value",
        reason: "repeats the observation (same account, metric and time) of line 2 with another value",
      },
    ]);
    const report = await db().importRejectedRow.findFirstOrThrow({
      where: { importJobId: job.id },
      select: { raw: true },
    });
    expect(report.raw).toBe(`${a()},csat,2026-06-10T08:00:00Z,2`);
    const stored = await db().metricObservation.findMany({
      where: { organizationId: org.organizationId, accountId: org.accountIds[0], metricId: org.metricIds.csat },
      orderBy: { observedAt: "asc" },
      select: { value: true },
    });
    expect(stored.slice(-2).map((o) => o.value)).toEqual([4, 3]);
  });

  it("accounts and outcomes: the import goes through and names the line a conflicting row repeats", async () => {
    const accounts = await importCsv("accounts", "external_id,name\nRPT-1,First\nRPT-1,First\nRPT-1,Second\n");
    expect(accounts.job).toMatchObject({ status: "committed", acceptedRows: 2, newRows: 1, rejectedRows: 1 });
    expect(accounts.preview.rows.map((r) => r.errors)).toEqual([
      [],
      [],
      [{ column: "external_id", reason: "repeats the account (same id) of line 2 with other values" }],
    ]);
    expect(accounts.rejected).toEqual([
      { line: 4, column: "external_id", reason: "repeats the account (same id) of line 2 with other values" },
    ]);
    const account = await db().account.findUniqueOrThrow({
      where: { organizationId_externalId: { organizationId: org.organizationId, externalId: "RPT-1" } },
      select: { name: true },
    });
    expect(account.name).toBe("First");

    const outcomes = await importCsv(
      "outcomes",
      `account,kind,date,arr_after\n${a()},renewed,2026-06-01,100\n${a()},renewed,2026-06-01,200\n`,
    );
    expect(outcomes.job).toMatchObject({ status: "committed", acceptedRows: 1, rejectedRows: 1 });
    expect(outcomes.rejected[0]).toEqual({
      line: 3,
      column: "account",
      reason: "repeats the outcome (same account, kind and date) of line 2 with other values",
    });
  });
});

describe("an API request that repeats an item", () => {
  it("writes the first, takes an exact repeat once, and rejects another value naming the item", async () => {
    const item = { externalId: "RPT-API", name: "Kept" };
    const result = await ingest(admin, "accounts", [item, item, { ...item, name: "Other" }]);
    expect(result).toEqual({
      accepted: 2,
      created: 1,
      changed: 0,
      rejected: [
        {
          index: 2,
          errors: [{ field: "externalId", reason: "repeats the account (same id) of item 0 with other values" }],
        },
      ],
    });
  });

  it("rejects an observation repeated with another value at its value, naming the item", async () => {
    const item = { account: org.plan.accounts[1]!.externalId, metric: "csat", observedAt: "2026-06-11T08:00:00Z" };
    const result = await ingest(admin, "observations", [
      { ...item, value: 4 },
      { ...item, value: 4 },
      { ...item, value: 5 },
    ]);
    expect(result).toEqual({
      accepted: 2,
      created: 1,
      rejected: [
        {
          index: 2,
          errors: [
            {
              field: "value",
              reason: "repeats the observation (same account, metric and time) of item 0 with another value",
            },
          ],
        },
      ],
    });
  });
});

// Stored observations are history: a later write that gives one another value is rejected, saying what is stored.
describe("a reading whose key is stored with another value", () => {
  const stored = (value: string) =>
    `the observation (same account, metric and time) is stored already with the value ${value}; stored observations are not changed`;

  it("is rejected from a file, while the same value again is accepted and changes nothing", async () => {
    const a = org.plan.accounts[2]!.externalId;
    const file = (csat: number, sentiment: string) =>
      `account,metric,date,value\n${a},csat,2026-06-09T08:00:00Z,${csat}\n${a},csm_sentiment,2026-06-09T08:00:00Z,${sentiment}\n${a},csat,2026-06-09T09:00:00Z,3\n`;
    expect((await importCsv("observations", file(4, "good"))).job).toMatchObject({ newRows: 2 + 1 });
    const again = await importCsv("observations", file(2, "bad"));
    // The review's preview told it before the commit.
    expect(again.preview.rows.map((r) => r.errors)).toEqual([
      [{ column: "value", reason: stored("4") }],
      [{ column: "value", reason: stored("good") }],
      [],
    ]);
    expect(again.job).toMatchObject({ status: "committed", acceptedRows: 1, newRows: 0, rejectedRows: 2 });
    expect(again.rejected).toEqual([
      { line: 2, column: "value", reason: stored("4") },
      { line: 3, column: "value", reason: stored("good") },
    ]);
    // The report shows their rows, as it does every rejected row's, though they were found once the file was written.
    const report = await db().importRejectedRow.findMany({
      where: { organizationId: org.organizationId, importJobId: again.job.id },
      orderBy: { line: "asc" },
      select: { raw: true },
    });
    expect(report.map((r) => r.raw)).toEqual([
      `${a},csat,2026-06-09T08:00:00Z,2`,
      `${a},csm_sentiment,2026-06-09T08:00:00Z,bad`,
    ]);
    const kept = await db().metricObservation.findMany({
      where: {
        organizationId: org.organizationId,
        accountId: org.accountIds[2],
        observedAt: new Date("2026-06-09T08:00:00Z"),
      },
      orderBy: { metricId: "asc" },
      select: { value: true, textValue: true },
    });
    expect(kept.map((o) => o.textValue ?? o.value).sort()).toEqual([4, "good"].sort());
  });

  it("is judged against what is stored, not against an earlier line, in the preview as in the commit", async () => {
    const a = org.plan.accounts[2]!.externalId;
    const at = "2026-06-07T08:00:00Z";
    await importCsv("observations", `account,metric,date,value\n${a},csat,${at},4\n`);
    // Line 2 contradicts the stored 4; line 3 repeats it, so it changes nothing, though it differs from line 2.
    const { job, preview, rejected } = await importCsv(
      "observations",
      `account,metric,date,value\n${a},csat,${at},2\n${a},csat,${at},4\n`,
    );
    expect(preview.rows.map((r) => r.errors)).toEqual([[{ column: "value", reason: stored("4") }], []]);
    expect(job).toMatchObject({ status: "committed", acceptedRows: 1, newRows: 0, rejectedRows: 1 });
    expect(rejected).toEqual([{ line: 2, column: "value", reason: stored("4") }]);
  });

  it("is rejected from an API request, with the items that repeat it, while the rest go in", async () => {
    const item = { account: org.plan.accounts[1]!.externalId, metric: "csat", observedAt: "2026-06-08T08:00:00Z" };
    expect(await ingest(admin, "observations", [{ ...item, value: 4 }])).toMatchObject({ accepted: 1, created: 1 });
    const later = { ...item, observedAt: "2026-06-08T09:00:00Z", value: 1 };
    const result = await ingest(admin, "observations", [{ ...item, value: 5 }, later, { ...item, value: 5 }]);
    expect(result).toEqual({
      accepted: 1,
      created: 1,
      rejected: [0, 2].map((index) => ({ index, errors: [{ field: "value", reason: stored("4") }] })),
    });
    expect(await ingest(admin, "observations", [{ ...item, value: 4 }])).toEqual({
      accepted: 1,
      created: 0,
      rejected: [],
    });
    // As in a file: an item is judged against what is stored, not against an earlier item of the same key.
    expect(
      await ingest(admin, "observations", [
        { ...item, value: 2 },
        { ...item, value: 4 },
      ]),
    ).toEqual({
      accepted: 1,
      created: 0,
      rejected: [{ index: 0, errors: [{ field: "value", reason: stored("4") }] }],
    });
  });
});
