import { beforeAll, describe, expect, it } from "vitest";
import { getImportJobOrThrow } from "@/lib/db/imports";
import { commitImport } from "@/lib/services/imports/commit";
import {
  DATE_ORDER_NEEDED,
  previewImport,
  requestImportCommit,
  saveImportMapping,
} from "@/lib/services/imports/review";
import { receiveUpload } from "@/lib/services/imports/upload";
import type { TenantContext } from "@/lib/tenant";
import type { ImportKind } from "@/lib/validation/imports";
import { createTestOrg, TEST_TODAY, type TestOrg } from "../support/factories";
import { storedValue, uploadAndCommit, uploadBody } from "../support/uploads";

// Dates as spreadsheets write them, whose day and month order a file may or may not tell; and a file's
// mapping and date order remembered for the next file with the same columns.
let org: TestOrg;
let admin: TenantContext;
const NOW = new Date(TEST_TODAY.getTime() + 12 * 3600_000);

beforeAll(async () => {
  org = await createTestOrg({ accounts: 4, days: 3, seed: 48 });
  admin = await org.contextFor("admin");
});

const importBytes = (kind: ImportKind, bytes: Uint8Array) => uploadAndCommit(admin, kind, bytes, NOW);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("slash dates", () => {
  const a = () => org.plan.accounts[1]!.externalId;
  const valueOn = (day: string) => storedValue(org, "csat", day, 1);

  it("reads them in the order the file's other dates tell", async () => {
    const { preview, job } = await importBytes(
      "observations",
      utf8(`account,metric,date,value\n${a()},csat,06/03/2026,3\n${a()},csat,25/03/2026,4\n`),
    );
    expect(preview.dates).toEqual({ slash: true, chosen: "dmy", choiceNeeded: false });
    expect(preview.format).toMatch(/; dates day\/month\/year$/);
    expect(job).toMatchObject({ status: "committed", acceptedRows: 2 });
    expect([await valueOn("2026-03-06"), await valueOn("2026-03-25")]).toEqual([3, 4]);
  });

  it("waits for a choice when every slash date reads both ways, then reads them as chosen", async () => {
    const csv = `account,metric,date,value\n${a()},csat,03/04/2026,2\n${a()},csat,03/05/2026,5\n`;
    const { id } = await receiveUpload(admin, {
      kind: "observations",
      fileName: "us.csv",
      body: uploadBody(utf8(csv)),
    });
    expect((await previewImport(admin, id)).dates).toEqual({ slash: true, chosen: null, choiceNeeded: true });
    await expect(requestImportCommit(admin, id)).rejects.toThrow(DATE_ORDER_NEEDED);

    const job = await getImportJobOrThrow(admin, id);
    await saveImportMapping(admin, id, job.mapping, "mdy");
    const preview = await previewImport(admin, id);
    expect(preview.dates).toEqual({ slash: true, chosen: "mdy", choiceNeeded: false });
    expect(preview.rows.map((r) => r.errors)).toEqual([[], []]);
    await requestImportCommit(admin, id);
    await commitImport(org.organizationId, id, { now: NOW });
    expect([await valueOn("2026-03-04"), await valueOn("2026-03-05")]).toEqual([2, 5]);
  });

  it("starts a file with the same columns from the mapping and date order used last time", async () => {
    const csv = (day: string) => utf8(`Kunden-ID;Metrik;Datum;Wert\n${a()};csat;${day};3,5\n`);
    const first = await receiveUpload(admin, {
      kind: "observations",
      fileName: "woche-1.csv",
      body: uploadBody(csv("03/02/2026")),
    });
    const guessed = await getImportJobOrThrow(admin, first.id);
    expect(guessed.mapping).toEqual({ "Kunden-ID": "", Metrik: "", Datum: "", Wert: "" });
    const mapping = { "Kunden-ID": "account_external_id", Metrik: "metric", Datum: "observed_at", Wert: "value" };
    await saveImportMapping(admin, first.id, mapping, "dmy");
    await requestImportCommit(admin, first.id);
    await commitImport(org.organizationId, first.id, { now: NOW });

    const second = await receiveUpload(admin, {
      kind: "observations",
      fileName: "woche-2.csv",
      body: uploadBody(csv("10/02/2026")),
    });
    expect(await getImportJobOrThrow(admin, second.id)).toMatchObject({
      mapping,
      dateOrder: "dmy",
      mappingFromId: first.id,
    });
    const preview = await previewImport(admin, second.id);
    expect(preview.rows.map((r) => r.errors)).toEqual([[]]);
    expect(preview.dates).toEqual({ slash: true, chosen: "dmy", choiceNeeded: false });

    // Other columns, or another kind of import, start from their names as before.
    const other = await receiveUpload(admin, {
      kind: "outcomes",
      fileName: "outcomes.csv",
      body: uploadBody(utf8(`Kunden-ID;Metrik;Datum;Wert\n${a()};renewed;2026-06-01;\n`)),
    });
    expect(await getImportJobOrThrow(admin, other.id)).toMatchObject({ mappingFromId: null, dateOrder: null });
  });
});
