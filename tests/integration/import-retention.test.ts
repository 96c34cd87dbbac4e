import { existsSync } from "node:fs";
import { utimes, writeFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getImportJobOrThrow, IMPORTS_PAGE_SIZE, listImportJobs, listRejections } from "@/lib/db/imports";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { discardUpload, sweepUploads } from "@/lib/services/imports/retention";
import { requestImportCommit, saveImportMapping } from "@/lib/services/imports/review";
import { receiveUpload } from "@/lib/services/imports/upload";
import { uploadPath } from "@/lib/services/imports/uploads";
import type { TenantContext } from "@/lib/tenant";
import { createTestOrg, TEST_TODAY, type TestOrg } from "../support/factories";
import { uploadAndCommit, uploadBody } from "../support/uploads";

let org: TestOrg;
let admin: TenantContext;
const NOW = new Date(TEST_TODAY.getTime() + 12 * 3600_000);
const DAY = 86_400_000;

beforeAll(async () => {
  org = await createTestOrg({ accounts: 3, days: 2, seed: 61 });
  admin = await org.contextFor("admin");
});

const csv = (value: string) =>
  `account_external_id,metric,observed_at,value\n${org.plan.accounts[0]!.externalId},csat,2026-06-01,${value}\n`;

async function upload(content = csv("4")) {
  const { id } = await receiveUpload(admin, { kind: "observations", fileName: "u.csv", body: uploadBody(content) });
  return id;
}

const fileOf = (id: string) => uploadPath(org.organizationId, id);

/** Makes an import look as if it was uploaded (and, if it has finished, finished) `days` ago. */
async function age(id: string, days: number) {
  const at = new Date(NOW.getTime() - days * DAY);
  await db().importJob.update({
    where: { organizationId_id: { organizationId: org.organizationId, id } },
    data: { createdAt: at, ...((await getImportJobOrThrow(admin, id)).finishedAt ? { finishedAt: at } : {}) },
  });
}

describe("an import's file", () => {
  it("is removed once the import is committed; the rejection report keeps each rejected row", async () => {
    const content = `${csv("4")}${org.plan.accounts[1]!.externalId},csat,2026-06-01,lots\n`;
    const { job } = await uploadAndCommit(admin, "observations", content, NOW);
    expect(job).toMatchObject({ status: "committed", acceptedRows: 1, rejectedRows: 1 });
    expect(existsSync(fileOf(job.id))).toBe(false);
    const [rejected] = await listRejections(admin, job.id, { take: 10 });
    expect(rejected).toMatchObject({
      line: 3,
      column: "value",
      raw: `${org.plan.accounts[1]!.externalId},csat,2026-06-01,lots`,
    });
  });

  it("stays while the import waits for review", async () => {
    const id = await upload();
    expect(existsSync(fileOf(id))).toBe(true);
    await sweepUploads(NOW, [org.organizationId]);
    expect((await getImportJobOrThrow(admin, id)).status).toBe("uploaded");
    expect(existsSync(fileOf(id))).toBe(true);
  });

  it("is removed when the upload fails, and that import cannot be mapped or committed: it has nothing to import", async () => {
    await expect(upload("account_external_id,metric,observed_at,value\n")).rejects.toThrow(/no rows below it/);
    const [failed] = (await listImportJobs(admin, 1)).items;
    expect(failed).toMatchObject({ status: "failed", totalRows: 0 });
    expect(existsSync(fileOf(failed!.id))).toBe(false);
    const message = "This upload failed before it could be reviewed: upload the file again to import it.";
    await expect(requestImportCommit(admin, failed!.id)).rejects.toThrow(new ValidationError(message));
    await expect(saveImportMapping(admin, failed!.id, {})).rejects.toThrow(new ValidationError(message));
  });
});

describe("discarding an upload", () => {
  it("removes its file, keeps it listed as discarded, and refuses to map or commit it afterwards", async () => {
    const id = await upload();
    await discardUpload(admin, id);
    expect(await getImportJobOrThrow(admin, id)).toMatchObject({
      status: "discarded",
      error: "Discarded before it was imported: its file was removed and nothing of it was written.",
    });
    expect(existsSync(fileOf(id))).toBe(false);
    const discarded = "This upload was discarded and its file removed: upload the file again to import it.";
    await expect(requestImportCommit(admin, id)).rejects.toThrow(new ValidationError(discarded));
    await expect(saveImportMapping(admin, id, {})).rejects.toThrow(new ValidationError(discarded));
    await expect(discardUpload(admin, id)).rejects.toThrow(ValidationError);
  });

  it("refuses an import that is queued or committed, and one of another organisation is not found", async () => {
    const queued = await upload();
    await requestImportCommit(admin, queued);
    await expect(discardUpload(admin, queued)).rejects.toThrow(
      "Only an upload waiting for its commit can be discarded; this one is not.",
    );
    expect(existsSync(fileOf(queued))).toBe(true);
    const { job } = await uploadAndCommit(admin, "observations", csv("5"), NOW);
    await expect(discardUpload(admin, job.id)).rejects.toThrow(ValidationError);
    expect((await getImportJobOrThrow(admin, job.id)).status).toBe("committed");

    const other = await createTestOrg({ accounts: 1, days: 1, seed: 62 });
    await expect(discardUpload(await other.contextFor("admin"), queued)).rejects.toThrow(NotFoundError);
    expect((await getImportJobOrThrow(admin, queued)).status).toBe("validated");
  });
});

describe("the worker's sweep of uploads", () => {
  it("discards uploads left uncommitted past the retention period, and removes files no import needs", async () => {
    const stale = await upload();
    await age(stale, 8);
    const recent = await upload();
    await age(recent, 6);
    // Failed with rows: open to a new commit, and as stale as the upload.
    const failed = await upload();
    await db().importJob.update({
      where: { organizationId_id: { organizationId: org.organizationId, id: failed } },
      data: { status: "failed", error: "Cancelled before anything was written.", finishedAt: NOW },
    });
    await age(failed, 8);
    const queued = await upload();
    await requestImportCommit(admin, queued);
    await age(queued, 30);
    // A committed import's file left behind (its removal cut off), an hour old, and one written a minute ago.
    const { job: committed } = await uploadAndCommit(admin, "observations", csv("3"), NOW);
    await writeFile(fileOf(committed.id), "left behind");
    const hourAgo = new Date(Date.now() - 61 * 60_000);
    await utimes(fileOf(committed.id), hourAgo, hourAgo);
    const { job: justCommitted } = await uploadAndCommit(admin, "observations", csv("2"), NOW);
    await writeFile(fileOf(justCommitted.id), "being written");

    const swept = await sweepUploads(NOW, [org.organizationId]);

    expect(swept).toEqual({ discarded: 2, leftovers: 1 });
    for (const id of [stale, failed]) {
      expect(await getImportJobOrThrow(admin, id)).toMatchObject({
        status: "discarded",
        error:
          "Not imported within 7 days, so its file was removed and nothing of it was written. Upload the file again to import it.",
      });
      expect(existsSync(fileOf(id))).toBe(false);
    }
    for (const id of [recent, queued]) expect(existsSync(fileOf(id))).toBe(true);
    expect((await getImportJobOrThrow(admin, queued)).status).toBe("validated");
    expect(existsSync(fileOf(committed.id))).toBe(false);
    expect(existsSync(fileOf(justCommitted.id))).toBe(true);
    // Nothing is left to do a second time.
    expect(await sweepUploads(NOW, [org.organizationId])).toEqual({ discarded: 0, leftovers: 0 });
  });
});

describe("the imports list", () => {
  it("pages through every import, newest first", async () => {
    const fresh = await createTestOrg({ accounts: 1, days: 1, seed: 63 });
    const ctx = await fresh.contextFor("admin");
    const ids: string[] = [];
    for (let i = 0; i <= IMPORTS_PAGE_SIZE; i++) {
      const { id } = await receiveUpload(ctx, { kind: "accounts", fileName: `f${i}.csv`, body: uploadBody("a\n1\n") });
      ids.push(id);
    }
    const first = await listImportJobs(ctx, 1);
    const second = await listImportJobs(ctx, 2);
    expect(first.total).toBe(IMPORTS_PAGE_SIZE + 1);
    expect(first.items.map((j) => j.fileName)).toEqual(
      Array.from({ length: IMPORTS_PAGE_SIZE }, (_, i) => `f${IMPORTS_PAGE_SIZE - i}.csv`),
    );
    expect(second.items.map((j) => j.id)).toEqual([ids[0]]);
  });
});
