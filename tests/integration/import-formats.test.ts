import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { previewImport } from "@/lib/services/imports/review";
import { receiveUpload } from "@/lib/services/imports/upload";
import type { TenantContext } from "@/lib/tenant";
import type { ImportKind } from "@/lib/validation/imports";
import { createTestOrg, TEST_TODAY, type TestOrg } from "../support/factories";
import { storedValue, uploadAndCommit, uploadBody } from "../support/uploads";

// Files as spreadsheets in other locales save "CSV": other delimiters, decimal commas, other encodings.
let org: TestOrg;
let admin: TenantContext;
const NOW = new Date(TEST_TODAY.getTime() + 12 * 3600_000);

beforeAll(async () => {
  org = await createTestOrg({ accounts: 4, days: 3, seed: 47 });
  admin = await org.contextFor("admin");
});

const importBytes = (kind: ImportKind, bytes: Uint8Array) => uploadAndCommit(admin, kind, bytes, NOW);

const utf8 = (text: string) => new TextEncoder().encode(text);

const csatOn = (day: string) => storedValue(org, "csat", day);

describe("imports of files from other locales", () => {
  const a = () => org.plan.accounts[0]!.externalId;

  it("reads a semicolon-separated file with decimal commas, and refuses a number it would have to guess", async () => {
    const { preview, job, rejected } = await importBytes(
      "observations",
      utf8(
        [
          "account;metric;date;value",
          `${a()};csat;2026-06-10;4,2`,
          `${a()};csat;2026-06-11;"3,75"`,
          `${a()};csat;2026-06-12;1.250`,
          `${a()};csat;2026-06-13;4.5`,
        ].join("\r\n"),
      ),
    );
    expect(preview.format).toBe("UTF-8, semicolon-separated; numbers with a decimal comma (3,5)");
    expect(preview.headers).toEqual(["account", "metric", "date", "value"]);
    expect(preview.missing).toEqual([]);
    expect(job).toMatchObject({ status: "committed", acceptedRows: 3, rejectedRows: 1 });
    expect(rejected).toEqual([
      {
        line: 4,
        column: "value",
        reason:
          '"1.250" is ambiguous in a file whose decimals take a comma: write 1250 for thousands or 1,250 for decimals',
      },
    ]);
    expect([await csatOn("2026-06-10"), await csatOn("2026-06-11"), await csatOn("2026-06-13")]).toEqual([
      4.2, 3.75, 4.5,
    ]);
  });

  it("refuses a decimal comma in a comma-separated file instead of reading it as thousands", async () => {
    const { job, rejected } = await importBytes(
      "observations",
      utf8(`account,metric,date,value\n${a()},csat,2026-06-14,"4,5"\n${a()},csat,2026-06-15,"1,500"\n`),
    );
    expect(job).toMatchObject({ acceptedRows: 1, rejectedRows: 1 });
    expect(rejected[0]!.reason).toBe(
      '"4,5" is not a number in this file, whose decimals take a point (1.5); a comma only groups thousands (1,500)',
    );
    expect(await csatOn("2026-06-15")).toBe(1500);
  });

  it("takes a percent sign on a percent metric's reading only", async () => {
    const { job, rejected } = await importBytes(
      "observations",
      utf8(`account,metric,date,value\n${a()},feature_adoption,2026-06-14T09:30:00Z,55%\n${a()},csat,2026-06-16,4%\n`),
    );
    expect(job).toMatchObject({ acceptedRows: 1, rejectedRows: 1 });
    expect(rejected).toEqual([{ line: 3, column: "value", reason: '"4%" is not a number' }]);
    const adoption = await db().metricObservation.findFirstOrThrow({
      where: {
        organizationId: org.organizationId,
        metricId: org.metricIds.feature_adoption!,
        accountId: org.accountIds[0]!,
        observedAt: new Date("2026-06-14T09:30:00Z"),
      },
      select: { value: true },
    });
    expect(adoption.value).toBe(55);
  });

  it("reads an accounts file from a decimal-comma locale: ARR and number traits as numbers", async () => {
    const { job } = await importBytes(
      "accounts",
      utf8("external_id;name;arr;rabatt;notiz\nDE-0001;Müller GmbH;125.000,50;12,5;seit 2019\n"),
    );
    expect(job).toMatchObject({ status: "committed", acceptedRows: 1 });
    const account = await db().account.findUniqueOrThrow({
      where: { organizationId_externalId: { organizationId: org.organizationId, externalId: "DE-0001" } },
      select: { name: true, arr: true, traits: true },
    });
    expect([account.name, Number(account.arr), account.traits]).toEqual([
      "Müller GmbH",
      125000.5,
      { rabatt: 12.5, notiz: "seit 2019" },
    ]);
  });

  it("rejects a row whose unquoted comma would shift its cells, and takes trailing empty cells", async () => {
    const { preview, job, rejected } = await importBytes(
      "accounts",
      utf8(
        'external_id,name,domain\nCELL-1,Acme, Inc.,acme.example\nCELL-2,"Acme, Inc.",acme.example\nCELL-3,Beta,beta.example,,\n',
      ),
    );
    const reason = "has 4 cells where the header has 3 columns: a value holding a comma must be in double quotes";
    expect(preview.rows.map((r) => r.errors)).toEqual([[{ column: "", reason }], [], []]);
    expect(job).toMatchObject({ status: "committed", acceptedRows: 2, rejectedRows: 1 });
    expect(rejected).toEqual([{ line: 2, column: "", reason }]);
  });

  it("tells a file uploaded as the wrong kind by its columns", async () => {
    const csv = "external_id,name,arr\nKIND-1,Kind Co,1000\n";
    const { id } = await receiveUpload(admin, { kind: "observations", fileName: "a.csv", body: uploadBody(csv) });
    const preview = await previewImport(admin, id);
    expect(preview.missing).toEqual(["Metric key", "Observed at", "Value"]);
    expect(preview.looksLike).toBe("accounts");
    const right = await receiveUpload(admin, { kind: "accounts", fileName: "a.csv", body: uploadBody(csv) });
    expect((await previewImport(admin, right.id)).looksLike).toBeNull();
  });

  it("reads Windows-1252 text, as older spreadsheets save it", async () => {
    const text = "external_id,name,arr\nFR-0001,Société Générale Bâtiment,125000\n";
    const { preview, job } = await importBytes("accounts", Uint8Array.from(Buffer.from(text, "latin1")));
    expect(preview.format).toMatch(/^Windows-1252, comma-separated/);
    expect(job).toMatchObject({ status: "committed", acceptedRows: 1 });
    const account = await db().account.findUniqueOrThrow({
      where: { organizationId_externalId: { organizationId: org.organizationId, externalId: "FR-0001" } },
      select: { name: true, arr: true },
    });
    expect(account).toEqual({ name: "Société Générale Bâtiment", arr: expect.anything() });
    expect(Number(account.arr)).toBe(125000);
  });

  it("fails an import, writing nothing, when a file that starts as UTF-8 turns out not to be", async () => {
    const before = await db().account.count({ where: { organizationId: org.organizationId } });
    const rows = Array.from({ length: 5000 }, (_, i) => `MIX-${i},Account ${i}`).join("\n");
    const bytes = Buffer.concat([
      Buffer.from(`external_id,name\n${rows}\n`),
      Buffer.from("MIX-X,Société Générale\n", "latin1"),
    ]);
    expect(bytes.length).toBeGreaterThan(1 << 16);
    const { preview, job } = await importBytes("accounts", Uint8Array.from(bytes));
    expect(preview.format).toMatch(/^UTF-8/);
    expect(job.status).toBe("failed");
    expect(job.error).toMatch(/^The text after line \d+ is not UTF-8, though the start of the file is\./);
    expect(await db().account.count({ where: { organizationId: org.organizationId } })).toBe(before);
  });

  it("reads UTF-16 tab-separated text with a byte-order mark, as Excel's Unicode Text", async () => {
    const text = "\uFEFFexternal_id\tname\tarr\r\nJP-0001\t東京商事\t98000.5\r\n";
    const { preview, job } = await importBytes("accounts", Uint8Array.from(Buffer.from(text, "utf16le")));
    expect(preview.format).toBe("UTF-16, tab-separated; numbers with a decimal point (3.5)");
    expect(preview.rows[0]!.cells).toEqual(["JP-0001", "東京商事", "98000.5"]);
    expect(job).toMatchObject({ status: "committed", acceptedRows: 1 });
    const account = await db().account.findUniqueOrThrow({
      where: { organizationId_externalId: { organizationId: org.organizationId, externalId: "JP-0001" } },
      select: { name: true, arr: true },
    });
    expect([account.name, Number(account.arr)]).toEqual(["東京商事", 98000.5]);
  });

  it("turns away a workbook, a binary file, a file with nothing to import or with two columns of one name at upload, saying why", async () => {
    const upload = (bytes: number[]) =>
      receiveUpload(admin, { kind: "accounts", fileName: "accounts.xlsx", body: uploadBody(Uint8Array.from(bytes)) });
    const xlsx = [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00];
    await expect(upload(xlsx)).rejects.toThrow(
      "This is an Excel workbook (.xlsx), not a CSV file. Save it as CSV from the spreadsheet (File → Save a copy → CSV UTF-8) and upload that.",
    );
    await expect(upload([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])).rejects.toThrow(/Excel 97–2003 workbook/);
    await expect(upload([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00])).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(upload([])).rejects.toThrow("The file is empty.");
    await expect(upload([...utf8("\n\n")])).rejects.toThrow("The first row must name the columns.");
    await expect(upload([...utf8("external_id,name\n")])).rejects.toThrow(
      "The file has a header row but no rows below it to import.",
    );
    await expect(upload([...utf8("external_id,Name,plan,Name\nA-1,Acme,pro,Olivia\n")])).rejects.toThrow(
      'Columns 2 and 4 are both named "Name": rename one in the file so that each can be mapped.',
    );
    const failed = await db().importJob.findMany({
      where: { organizationId: org.organizationId, fileName: "accounts.xlsx" },
      select: { status: true },
    });
    expect(failed.map((j) => j.status)).toEqual(Array(7).fill("failed"));
  });
});
