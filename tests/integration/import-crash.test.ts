import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { withBulkTransaction } from "@/lib/db/bulk-observations";
import { sqlTxFor } from "@/lib/db/client";
import { failInterruptedImports, getImportJobOrThrow, markImportCommitted } from "@/lib/db/imports";
import { requestImportCommit } from "@/lib/services/imports/review";
import { receiveUpload } from "@/lib/services/imports/upload";
import { createTestOrg } from "../support/factories";
import { uploadBody } from "../support/uploads";

describe("an import killed part-way", () => {
  it("leaves no rows behind, and is marked failed when the worker restarts", { timeout: 120_000 }, async () => {
    const org = await createTestOrg({ accounts: 20, days: 2, seed: 51 });
    const admin = await org.contextFor("admin");
    // 200k rows: long enough to kill the committing process in the middle.
    let csv = "account_external_id,metric,observed_at,value\n";
    for (let i = 0; i < 200_000; i++) {
      const account = org.plan.accounts[i % 20]!.externalId;
      csv += `${account},csat,${new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString()},${(i % 5) + 1}\n`;
    }
    const { id } = await receiveUpload(admin, { kind: "observations", fileName: "big.csv", body: uploadBody(csv) });
    await requestImportCommit(admin, id);
    await db().importJob.update({
      where: { organizationId_id: { organizationId: org.organizationId, id } },
      data: { status: "committing" },
    });
    const before = await db().metricObservation.count({ where: { organizationId: org.organizationId } });

    const child = spawn(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "tests/support/commit-import-child.ts", org.organizationId, id],
      {
        env: { ...process.env },
        stdio: "ignore",
      },
    );
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    // Wait until the commit has visibly made progress, then kill it without warning.
    for (let i = 0; i < 600; i++) {
      const job = await getImportJobOrThrow(admin, id);
      if (job.processedRows >= 20_000) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const progressed = (await getImportJobOrThrow(admin, id)).processedRows;
    child.kill("SIGKILL");
    await exited;

    // Killed part-way: rows were read (and streamed into the transaction), and the job never got to "committed"
    // (rows are read in well under a second, so the kill may land while the last statement runs).
    expect(progressed).toBeGreaterThanOrEqual(20_000);
    expect(await db().metricObservation.count({ where: { organizationId: org.organizationId } })).toBe(before);
    expect((await getImportJobOrThrow(admin, id)).status).toBe("committing");
    await failInterruptedImports(new Date(Date.now() + 1000));
    const job = await getImportJobOrThrow(admin, id);
    expect(job.status).toBe("failed");
    expect(job.error).toMatch(/interrupted.*nothing was written/);
  });

  it("is never marked committed without its rows: the mark is written by the transaction that writes them", async () => {
    const org = await createTestOrg({ accounts: 1, days: 1, seed: 52 });
    const admin = await org.contextFor("admin");
    const { id } = await receiveUpload(admin, { kind: "accounts", fileName: "a.csv", body: uploadBody("a\n1\n") });
    const counts = { total: 1, accepted: 1, created: 1, changed: 0, rejected: 0, earliestAt: null, finishedAt: new Date() };
    // The process dies (here: the transaction fails) after the mark, before the commit.
    await expect(
      withBulkTransaction(async (client) => {
        await markImportCommitted(sqlTxFor(client), org.organizationId, id, counts);
        throw new Error("cut off");
      }),
    ).rejects.toThrow("cut off");
    expect((await getImportJobOrThrow(admin, id)).status).toBe("uploaded");
    await withBulkTransaction((client) => markImportCommitted(sqlTxFor(client), org.organizationId, id, counts));
    expect(await getImportJobOrThrow(admin, id)).toMatchObject({ status: "committed", acceptedRows: 1, newRows: 1 });
  });
});
