import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { importTemplate } from "@/lib/services/imports/template";
import type { TenantContext } from "@/lib/tenant";
import { IMPORT_KINDS } from "@/lib/validation/imports";
import { createTestOrg, TEST_TODAY, type TestOrg } from "../support/factories";
import { uploadAndCommit } from "../support/uploads";

let org: TestOrg;
let admin: TenantContext;
const NOW = new Date(TEST_TODAY.getTime() + 12 * 3600_000);

beforeAll(async () => {
  org = await createTestOrg({ accounts: 3, days: 3, seed: 61 });
  admin = await org.contextFor("admin");
});

describe("import templates", () => {
  it.each(IMPORT_KINDS)("a %s template names the organisation's own data and imports as it is", async (kind) => {
    const csv = await importTemplate(admin, kind, NOW);
    const [header, ...rows] = csv.trim().split("\n");
    expect(rows.length).toBeGreaterThan(0);
    if (kind !== "accounts") {
      const externalId = rows[0]!.split(",")[0]!;
      expect(await db().account.count({ where: { organizationId: org.organizationId, externalId } })).toBe(1);
    }
    const { preview, job, rejected } = await uploadAndCommit(admin, kind, csv, NOW);
    expect(preview.headers.join(",")).toBe(header);
    expect(preview.missing).toEqual([]);
    expect(rejected).toEqual([]);
    expect(job).toMatchObject({ status: "committed", acceptedRows: rows.length, rejectedRows: 0 });
  });

  it("an observations template with a column per metric imports as it is, a value per metric", async () => {
    const csv = await importTemplate(admin, "observations", NOW, "columns");
    const [header, row] = csv.trim().split("\n");
    const metrics = header!.split(",").slice(2);
    expect(metrics).toContain("csat");
    expect(row!.split(",")).toHaveLength(metrics.length + 2);
    const { job, rejected } = await uploadAndCommit(admin, "observations", csv, NOW);
    expect(job.mapping).toMatchObject({ account_external_id: "account_external_id", csat: "metric:csat" });
    expect(rejected).toEqual([]);
    expect(job).toMatchObject({ status: "committed", acceptedRows: metrics.length, rejectedRows: 0 });
  });
});
