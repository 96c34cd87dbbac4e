import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getImportJobOrThrow } from "@/lib/db/imports";
import { commitImport } from "@/lib/services/imports/commit";
import { previewImport, requestImportCommit, saveImportMapping } from "@/lib/services/imports/review";
import { receiveUpload } from "@/lib/services/imports/upload";
import type { TenantContext } from "@/lib/tenant";
import type { ImportKind } from "@/lib/validation/imports";
import { createTestOrg, TEST_TODAY, type TestOrg } from "../support/factories";
import { uploadBody } from "../support/uploads";

let org: TestOrg;
let other: TestOrg;
let admin: TenantContext;
const NOW = new Date(TEST_TODAY.getTime() + 12 * 3600_000);

beforeAll(async () => {
  [org, other] = await Promise.all([
    createTestOrg({ accounts: 10, days: 5, seed: 31 }),
    createTestOrg({ accounts: 3, days: 5, seed: 32 }),
  ]);
  admin = await org.contextFor("admin");
});

async function upload(kind: ImportKind, csv: string, ctx = admin) {
  return (await receiveUpload(ctx, { kind, fileName: `${kind}.csv`, body: uploadBody(csv) })).id;
}

async function importFile(kind: ImportKind, csv: string, options: { failAfterRows?: number } = {}) {
  const id = await upload(kind, csv);
  await requestImportCommit(admin, id);
  const result = await commitImport(org.organizationId, id, { now: NOW, ...options }).catch((e: Error) => e);
  return { id, result, job: await getImportJobOrThrow(admin, id) };
}

const rejections = (importJobId: string) =>
  db().importRejectedRow.findMany({
    where: { organizationId: org.organizationId, importJobId },
    orderBy: [{ line: "asc" }, { column: "asc" }],
    select: { line: true, column: true, reason: true },
  });
const observationCount = () => db().metricObservation.count({ where: { organizationId: org.organizationId } });

describe("observation imports", () => {
  const a = () => org.plan.accounts[0]!.externalId;
  const csv = () =>
    [
      "account,metric,date,value",
      `${a()},csat,2026-06-14,4.2`,
      `${a()},csm_sentiment,2026-06-14T10:00:00Z,Good`,
      `NOPE-1,csat,2026-06-14,4`,
      `${a()},made_up,2026-06-14,4`,
      `${a()},csat,2026-02-30,4`,
      `${a()},csat,2030-01-01,4`,
      `${a()},csat,2026-06-14,lots`,
      `${a()},csm_sentiment,2026-06-14,ecstatic`,
      `${a()},expansion_opportunity,2026-06-14,maybe`,
      `${a()},nps,2026-06-14,`,
      `${other.plan.accounts[0]!.externalId},csat,2026-06-14,4`,
    ].join("\n");

  it("writes the good rows and reports every bad one by line, column and reason", async () => {
    const before = await observationCount();
    const { id, job } = await importFile("observations", csv());
    expect(job).toMatchObject({ status: "committed", totalRows: 11, acceptedRows: 2, newRows: 2, rejectedRows: 9 });
    // The page said "writing" from when every row was checked until the commit.
    expect(job.checkedAt!.getTime()).toBeLessThanOrEqual(job.finishedAt!.getTime());
    expect(await observationCount()).toBe(before + 2);
    expect(await rejections(id)).toEqual([
      { line: 4, column: "account", reason: 'account "NOPE-1" does not exist (import it first)' },
      { line: 5, column: "metric", reason: 'unknown metric "made_up"' },
      { line: 6, column: "date", reason: '"2026-02-30" is not a day or time that exists' },
      { line: 7, column: "date", reason: "is in the future" },
      { line: 8, column: "value", reason: '"lots" is not a number' },
      { line: 9, column: "value", reason: '"ecstatic" is not an option of csm_sentiment (good, neutral, bad)' },
      { line: 10, column: "value", reason: '"maybe" is not true or false' },
      { line: 11, column: "value", reason: "is required" },
      // Another organisation's account is unknown here.
      {
        line: 12,
        column: "account",
        reason: `account "${other.plan.accounts[0]!.externalId}" does not exist (import it first)`,
      },
    ]);
    const current = await db().metricCurrentValue.findFirstOrThrow({
      where: {
        organizationId: org.organizationId,
        accountId: org.accountIds[0],
        metricId: org.metricIds.csm_sentiment,
      },
    });
    expect(current).toMatchObject({ textValue: "good" });
    const run = await db().scoringRun.findFirst({ where: { organizationId: org.organizationId, trigger: "import" } });
    expect(run?.status).toBe("queued");
  });

  it("stores nothing twice when the same file is imported again", async () => {
    const before = await observationCount();
    const { job } = await importFile("observations", csv());
    // Accepted again, and reported as repeats: none of them is new.
    expect(job).toMatchObject({ status: "committed", acceptedRows: 2, newRows: 0 });
    expect(await observationCount()).toBe(before);
  });

  it("writes nothing at all when the import fails part-way", async () => {
    const before = await observationCount();
    const rows = Array.from(
      { length: 30 },
      (_, i) => `${a()},csat,2026-05-${String((i % 28) + 1).padStart(2, "0")}T0${i % 10}:00:00Z,${(i % 5) + 1}`,
    );
    const { result, job } = await importFile(
      "observations",
      ["account_external_id,metric,observed_at,value", ...rows].join("\n"),
      { failAfterRows: 25 },
    );
    expect(result).toBeInstanceOf(Error);
    expect(job.status).toBe("failed");
    expect(job.error).toMatch(/Nothing was written\.$/);
    // It failed while its rows were still being checked.
    expect(job.checkedAt).toBeNull();
    expect(await observationCount()).toBe(before);
  });
});

describe("current values after an observation import", () => {
  const account = () => org.plan.accounts[2]!;
  const current = () =>
    db().metricCurrentValue.findFirstOrThrow({
      where: { organizationId: org.organizationId, accountId: org.accountIds[2]!, metricId: org.metricIds.csat! },
    });
  const file = (rows: [string, number][]) =>
    [
      "account_external_id,metric,observed_at,value",
      ...rows.map(([t, v]) => `${account().externalId},csat,${t},${v}`),
    ].join("\n");

  it("never go back to an older observation, and a repeated key keeps what was stored", async () => {
    const before = await current();
    const older = new Date(before.observedAt.getTime() - 2 * 86_400_000).toISOString();
    const { id, job } = await importFile(
      "observations",
      file([
        [older, 1],
        [before.observedAt.toISOString(), 99],
      ]),
    );
    // The stored reading is kept, and the file's other value for it is reported, not dropped unsaid.
    expect(job).toMatchObject({ status: "committed", acceptedRows: 1, rejectedRows: 1 });
    expect((await rejections(id)).map((r) => [r.line, r.reason])).toEqual([
      [
        3,
        `the observation (same account, metric and time) is stored already with the value ${before.value}; stored observations are not changed`,
      ],
    ]);
    expect(await current()).toMatchObject({ observedAt: before.observedAt, value: before.value });
    const stored = await db().metricObservation.findFirstOrThrow({
      where: {
        organizationId: org.organizationId,
        accountId: org.accountIds[2]!,
        metricId: org.metricIds.csat!,
        observedAt: before.observedAt,
      },
    });
    expect(stored.value).toBe(before.value);
  });

  it("become the latest new observation, across the batches of a large file", { timeout: 60_000 }, async () => {
    const start = (await current()).observedAt.getTime();
    // 25,000 rows, newer than what is stored; the newest comes first, so later batches must not move it back.
    const rows: [string, number][] = [[new Date(start + 30_000_000).toISOString(), 4.5]];
    for (let i = 1; i < 25_000; i++) rows.push([new Date(start + i * 1000).toISOString(), 1 + (i % 4)]);
    const { job } = await importFile("observations", file(rows));
    expect(job).toMatchObject({ status: "committed", acceptedRows: 25_000, rejectedRows: 0 });
    expect(await current()).toMatchObject({ observedAt: new Date(start + 30_000_000), value: 4.5 });
  });

  it("reads quoted fields and Windows line ends, and names the line of a broken quote", async () => {
    const a = account().externalId;
    const quoted = `account_external_id,metric,observed_at,value\r\n"${a}","csat",2026-06-01,"3.5"\r\n`;
    expect((await importFile("observations", quoted)).job).toMatchObject({ status: "committed", acceptedRows: 1 });
    const before = await observationCount();
    const broken = `account_external_id,metric,observed_at,value\n${a},csat,2026-06-02,4\n${a},csat,2026-06-03,"4\n`;
    const { job } = await importFile("observations", broken);
    expect(job.status).toBe("failed");
    expect(job.error).toMatch(/^Line 3: a quoted field is never closed\. Nothing was written\.$/);
    expect(await observationCount()).toBe(before);
  });
});

describe("account and outcome imports", () => {
  const csmName = () => org.plan.users.find((u) => u.key === "csm:0:2")!.name;

  it("creates and updates accounts by id, with segments, stage, owner and traits", async () => {
    const existing = org.plan.accounts[1]!;
    const csv = [
      "external_id,name,owner_email,team,arr,seats,start_date,renewal_date,industry",
      `NEW-1,Brand New Co,${org.emailOf("csm:0:1")},Enterprise Team,250000,300,${new Date(NOW.getTime() - 20 * 86_400_000).toISOString().slice(0, 10)},2027-05-01,Biotech`,
      `${existing.externalId},Renamed Ltd,,,,,,,`,
      `NEW-2,Bad Owner,nobody@nowhere.test,,1000,3,,,`,
      `NEW-3,Bad Numbers,,,-5,2.5,,,`,
      `,No Id,,,,,,,`,
      `NEW-4,Backwards,,,,,2027-01-01,2026-01-01,`,
      `NEW-5,Owner By Name,${csmName().toUpperCase().replace(" ", "  ")},,,,,,`,
      `${org.plan.accounts[2]!.externalId},Grown Ltd,,,777000,,,,`,
    ].join("\n");
    const { id, job } = await importFile("accounts", csv);
    expect(job.error).toBeNull();
    // NEW-1 is new; the existing account is updated.
    expect(job).toMatchObject({ status: "committed", acceptedRows: 4, newRows: 2, changedRows: 2, rejectedRows: 4 });
    expect(await rejections(id)).toEqual([
      {
        line: 4,
        column: "owner_email",
        reason: "nobody@nowhere.test is not the email or name of a member of this organisation",
      },
      { line: 5, column: "arr", reason: "-5 is below 0" },
      { line: 5, column: "seats", reason: '"2.5" is not a whole number' },
      { line: 6, column: "external_id", reason: "is required" },
      { line: 7, column: "renewal_date", reason: "2026-01-01 is before the start date 2027-01-01" },
    ]);
    const created = await db().account.findFirstOrThrow({
      where: { organizationId: org.organizationId, externalId: "NEW-1" },
      select: {
        name: true,
        ownerId: true,
        traits: true,
        lifecycleStage: { select: { key: true } },
        segments: { select: { segment: { select: { key: true } } } },
      },
    });
    expect(created).toMatchObject({
      name: "Brand New Co",
      ownerId: org.userIds["csm:0:1"],
      traits: { industry: "Biotech" },
      lifecycleStage: { key: "onboarding" },
    });
    expect(created.segments.map((s) => s.segment.key)).toEqual(["enterprise"]);
    const renamed = await db().account.findFirstOrThrow({
      where: { organizationId: org.organizationId, externalId: existing.externalId },
      select: { name: true, arr: true },
    });
    expect(renamed.name).toBe("Renamed Ltd");
    expect(renamed.arr.toNumber()).toBe(existing.arr);
    // An ARR given replaces the stored one.
    const grown = await db().account.findFirstOrThrow({
      where: { organizationId: org.organizationId, externalId: org.plan.accounts[2]!.externalId },
      select: { name: true, arr: true },
    });
    expect(grown).toMatchObject({ name: "Grown Ltd" });
    expect(grown.arr.toNumber()).toBe(777000);
    // An owner named by name, in any case and spacing, as CRM exports name them.
    const byName = await db().account.findFirstOrThrow({
      where: { organizationId: org.organizationId, externalId: "NEW-5" },
      select: { ownerId: true },
    });
    expect(byName.ownerId).toBe(org.userIds["csm:0:2"]);
  });

  it("leaves an account that comes again as stored untouched, and rescores only the accounts that changed", async () => {
    const [same, changed] = await Promise.all(
      [org.plan.accounts[3]!, org.plan.accounts[4]!].map((a) =>
        db().account.findFirstOrThrow({
          where: { organizationId: org.organizationId, externalId: a.externalId },
          select: { id: true, externalId: true, name: true, arr: true, plan: true, updatedAt: true },
        }),
      ),
    );
    await db().scoringRun.deleteMany({ where: { organizationId: org.organizationId, status: "queued" } });
    const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
    const csv = [
      "external_id,name,arr,plan",
      `${same!.externalId},${quoted(same!.name)},${same!.arr.toString()},${same!.plan ?? ""}`,
      `${changed!.externalId},${quoted(changed!.name)},${changed!.arr.toString()},Platinum`,
    ].join("\n");
    const { job } = await importFile("accounts", csv);
    expect(job).toMatchObject({ status: "committed", acceptedRows: 2, newRows: 0, changedRows: 1, rejectedRows: 0 });
    const after = await db().account.findMany({
      where: { organizationId: org.organizationId, id: { in: [same!.id, changed!.id] } },
      select: { id: true, plan: true, updatedAt: true },
    });
    const byId = new Map(after.map((a) => [a.id, a]));
    expect(byId.get(same!.id)!.updatedAt).toEqual(same!.updatedAt);
    expect(byId.get(changed!.id)!.plan).toBe("Platinum");
    expect(byId.get(changed!.id)!.updatedAt.getTime()).toBeGreaterThan(changed!.updatedAt.getTime());
    const queued = await db().scoringRun.findMany({
      where: { organizationId: org.organizationId, status: "queued" },
      select: { full: true, accountIds: true },
    });
    expect(queued).toEqual([{ full: false, accountIds: [changed!.id] }]);
  });

  it("records outcomes once, however often they are sent, and refuses ones that contradict themselves", async () => {
    const account = org.plan.accounts[2]!.externalId;
    const csv = [
      "account_external_id,kind,occurred_on,arr_before,arr_after",
      `${account},renewed,2026-06-01,10000,12000`,
      `${account},won,2026-06-01,,`,
      `${account},renewed,2030-06-01,,`,
      `${account},expanded,2026-05-01,10000,8000`,
      `${account},contracted,2026-05-01,10000,10000`,
      `${account},churned,2026-05-01,10000,500`,
    ].join("\n");
    const first = await importFile("outcomes", csv);
    expect(first.job).toMatchObject({ acceptedRows: 1, newRows: 1, changedRows: 0, rejectedRows: 5 });
    expect((await rejections(first.id)).slice(1)).toEqual([
      { line: 4, column: "occurred_on", reason: "is in the future: an outcome is recorded once it has happened" },
      { line: 5, column: "arr_after", reason: "is 8000, not above the ARR before (10000) of an expansion" },
      { line: 6, column: "arr_after", reason: "is 10000, not below the ARR before (10000) of a contraction" },
      { line: 7, column: "arr_after", reason: "is 500, but a churned account's ARR after is 0 (or left empty)" },
    ]);
    // Sent again as it is stored, it changes nothing; with another ARR after, it changes the stored one.
    expect((await importFile("outcomes", csv)).job).toMatchObject({ acceptedRows: 1, newRows: 0, changedRows: 0 });
    const grown = csv.replace("10000,12000", "10000,13000");
    expect((await importFile("outcomes", grown)).job).toMatchObject({ acceptedRows: 1, newRows: 0, changedRows: 1 });
    const outcomes = await db().outcome.count({
      where: { organizationId: org.organizationId, accountId: org.accountIds[2], occurredOn: new Date("2026-06-01") },
    });
    expect(outcomes).toBe(1);
  });
});

describe("review before commit", () => {
  it("guesses the mapping, previews checked rows, and refuses to commit without the required fields", async () => {
    const id = await upload("observations", "Account ID,Metric Key,Observed,Value,Comment\nX-1,csat,2026-06-01,4,hi\n");
    const job = await getImportJobOrThrow(admin, id);
    expect(job.mapping).toEqual({
      "Account ID": "account_external_id",
      "Metric Key": "metric",
      Observed: "observed_at",
      Value: "value",
      Comment: "",
    });
    expect(job.totalRows).toBe(1);
    // Blank lines (the reader skips them) and line ends other than \n are not rows.
    const spaced = await upload(
      "observations",
      "Account ID,Metric Key,Observed,Value\r\n\r\nX-1,csat,2026-06-01,4\r\n\r\n",
    );
    const oldMac = await upload(
      "observations",
      "Account ID,Metric Key,Observed,Value\rX-1,csat,2026-06-01,4\rX-2,csat,2026-06-01,5",
    );
    expect((await getImportJobOrThrow(admin, spaced)).totalRows).toBe(1);
    expect((await getImportJobOrThrow(admin, oldMac)).totalRows).toBe(2);
    const preview = await previewImport(admin, id);
    expect(preview.rows[0]!.errors).toEqual([
      { column: "Account ID", reason: 'account "X-1" does not exist (import it first)' },
    ]);
    await saveImportMapping(admin, id, { ...job.mapping, Value: "" });
    await expect(requestImportCommit(admin, id)).rejects.toThrow("Map a column to Value first.");
    await expect(saveImportMapping(admin, id, { Value: "value", Comment: "value" })).rejects.toThrow(
      /Two columns are mapped to value/,
    );
  });

  it("another organisation's import is not found", async () => {
    const id = await upload("observations", "account,metric,date,value\nA,csat,2026-06-01,1\n");
    const foreign = await other.contextFor("admin");
    await expect(getImportJobOrThrow(foreign, id)).rejects.toThrow("Import not found.");
    await expect(requestImportCommit(foreign, id)).rejects.toThrow("Import not found.");
  });
});
