import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getImportJobOrThrow } from "@/lib/db/imports";
import { commitImport } from "@/lib/services/imports/commit";
import { cancelImport, requestImportCommit } from "@/lib/services/imports/review";
import { receiveUpload } from "@/lib/services/imports/upload";
import type { TenantContext } from "@/lib/tenant";
import { createTestOrg, TEST_TODAY, type TestOrg } from "../support/factories";
import { uploadBody } from "../support/uploads";

let org: TestOrg;
let admin: TenantContext;
const NOW = new Date(TEST_TODAY.getTime() + 12 * 3600_000);
const observations = () => db().metricObservation.count({ where: { organizationId: org.organizationId } });

beforeAll(async () => {
  org = await createTestOrg({ accounts: 4, days: 2, seed: 57 });
  admin = await org.contextFor("admin");
});

/** An uploaded file of `rows` new CSAT readings, queued for the worker. */
async function queuedImport(rows: number) {
  let csv = "account_external_id,metric,observed_at,value\n";
  for (let i = 0; i < rows; i++)
    csv += `${org.plan.accounts[i % 4]!.externalId},csat,${new Date(Date.UTC(2021, 0, 1) + i * 60_000).toISOString()},3\n`;
  const { id } = await receiveUpload(admin, { kind: "observations", fileName: "c.csv", body: uploadBody(csv) });
  await requestImportCommit(admin, id);
  return id;
}

describe("cancelling an import", () => {
  it("fails a queued import at once", async () => {
    const id = await queuedImport(10);
    await cancelImport(admin, id);
    expect(await getImportJobOrThrow(admin, id)).toMatchObject({
      status: "failed",
      error: "Cancelled before anything was written.",
    });
  });

  it("stops a commit under way, writes nothing, and lets it be committed again", async () => {
    const id = await queuedImport(25_000);
    // As the worker finds it: claimed and being committed.
    await db().importJob.update({
      where: { organizationId_id: { organizationId: org.organizationId, id } },
      data: { status: "committing" },
    });
    await cancelImport(admin, id);
    const before = await observations();
    await expect(commitImport(org.organizationId, id, { now: NOW })).rejects.toThrow(/^Cancelled on request/);
    const job = await getImportJobOrThrow(admin, id);
    expect(job.status).toBe("failed");
    // It stopped at its first check, after the first 10,000 rows (checked a batch of the file at a time).
    const rowsIn = Number(
      /^Cancelled on request, ([\d,]+) rows in\. Nothing was written\.$/.exec(job.error!)![1]!.replace(/,/g, ""),
    );
    expect(rowsIn).toBeGreaterThanOrEqual(10_000);
    expect(rowsIn).toBeLessThan(25_000);
    expect(await observations()).toBe(before);

    await requestImportCommit(admin, id);
    await commitImport(org.organizationId, id, { now: NOW });
    expect(await getImportJobOrThrow(admin, id)).toMatchObject({ status: "committed", newRows: 25_000 });
    expect(await observations()).toBe(before + 25_000);
  });

  it("refuses to cancel an import that is not being committed", async () => {
    const id = await queuedImport(3);
    await db().importJob.update({
      where: { organizationId_id: { organizationId: org.organizationId, id } },
      data: { status: "committing" },
    });
    await commitImport(org.organizationId, id, { now: NOW });
    await expect(cancelImport(admin, id)).rejects.toThrow(
      "This import is not being committed, so there is nothing to cancel.",
    );
  });
});
