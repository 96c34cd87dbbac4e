import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ConflictError, ValidationError } from "@/lib/errors";
import { ingest } from "@/lib/services/api/ingest";
import { createMetric, deleteMetric, metricUsage, retireMetric, updateMetric } from "@/lib/services/metrics";
import { metricFormSchema } from "@/lib/validation/metrics";
import { createTestOrg, publishHealthScorecard, type TestOrg } from "../support/factories";

let org: TestOrg;
const form = (over: Record<string, unknown> = {}) =>
  metricFormSchema.parse({
    key: "weekly_logins",
    name: "Weekly logins",
    category: "usage",
    valueType: "number",
    unit: "logins/week",
    direction: "higher_is_better",
    normalization: "per_active_user",
    stalenessDays: "14",
    source: "api",
    ...over,
  });

beforeAll(async () => {
  org = await createTestOrg({ accounts: 6, days: 5, seed: 12 });
  await publishHealthScorecard(org.organizationId);
});

describe("metric catalogue", () => {
  it("validates the form, naming the field", () => {
    const bad = metricFormSchema.safeParse({
      ...form(),
      key: "Weekly Logins",
      valueType: "categorical",
      options: "good",
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(paths).toContain("key: Use 2–63 lowercase letters, digits and underscores, starting with a letter");
    expect(paths).toContain("options: A categorical metric needs at least two options");
    expect(form({ valueType: "categorical", options: "good\nneutral, bad" }).options).toEqual([
      "good",
      "neutral",
      "bad",
    ]);
  });

  it("adds a metric once; the same key again is a conflict naming it", async () => {
    const admin = await org.contextFor("admin");
    const created = await createMetric(admin, form());
    expect(created).toMatchObject({ key: "weekly_logins", stalenessDays: 14, retiredAt: null });
    const again = await createMetric(admin, form({ name: "Other" })).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ConflictError);
    expect((again as ConflictError).fieldErrors).toEqual({ key: ["is already used"] });
    const api = await ingest(admin, "observations", [
      {
        account: org.plan.accounts[0]!.externalId,
        metric: "weekly_logins",
        observedAt: new Date().toISOString(),
        value: 12,
      },
    ]);
    expect(api).toEqual({ accepted: 1, created: 1, rejected: [] });
  });

  it("edits everything but the key, audited before → after", async () => {
    const admin = await org.contextFor("admin");
    const metric = await db().metricDefinition.findFirstOrThrow({
      where: { organizationId: org.organizationId, key: "weekly_logins" },
    });
    await updateMetric(admin, metric.id, form({ name: "Logins per week", stalenessDays: "" }));
    expect(
      await db().metricDefinition.findUniqueOrThrow({
        where: { organizationId_id: { organizationId: org.organizationId, id: metric.id } },
      }),
    ).toMatchObject({
      name: "Logins per week",
      stalenessDays: null,
    });
    const renamed = await updateMetric(admin, metric.id, form({ key: "logins" })).catch((e: unknown) => e);
    expect((renamed as ValidationError).fieldErrors).toEqual({ key: ["cannot change"] });
    const audit = await db().auditLog.findFirstOrThrow({
      where: { organizationId: org.organizationId, action: "metric.update" },
    });
    expect(audit.before).toMatchObject({ name: "Weekly logins", stalenessDays: 14 });
    expect(audit.after).toMatchObject({ name: "Logins per week" });
  });

  it("a retired metric keeps its data but takes no new values; it can come back", async () => {
    const admin = await org.contextFor("admin");
    const metric = await db().metricDefinition.findFirstOrThrow({
      where: { organizationId: org.organizationId, key: "weekly_logins" },
    });
    await retireMetric(admin, metric.id, true);
    const refused = await ingest(admin, "observations", [
      {
        account: org.plan.accounts[0]!.externalId,
        metric: "weekly_logins",
        observedAt: new Date().toISOString(),
        value: 3,
      },
    ]);
    expect(refused.accepted).toBe(0);
    expect(refused.rejected[0]!.errors[0]).toMatchObject({ field: "metric" });
    expect(
      await db().metricObservation.count({ where: { organizationId: org.organizationId, metricId: metric.id } }),
    ).toBe(1);
    await retireMetric(admin, metric.id, false);
  });

  it("refuses to delete a metric a published scorecard scores; deletes an unused one with its data", async () => {
    const admin = await org.contextFor("admin");
    expect((await metricUsage(org.organizationId)).get("csat")).toEqual(["Health v1"]);
    const csat = await db().metricDefinition.findFirstOrThrow({
      where: { organizationId: org.organizationId, key: "csat" },
    });
    await expect(deleteMetric(admin, csat.id)).rejects.toThrow(/is scored by Health v1; retire it instead/);
    const unused = await db().metricDefinition.findFirstOrThrow({
      where: { organizationId: org.organizationId, key: "weekly_logins" },
    });
    await deleteMetric(admin, unused.id);
    expect(
      await db().metricObservation.count({ where: { organizationId: org.organizationId, metricId: unused.id } }),
    ).toBe(0);
    const other = await createTestOrg({ accounts: 2, days: 2, seed: 13 });
    await expect(deleteMetric(await other.contextFor("admin"), csat.id)).rejects.toThrow("Metric not found.");
  });
});
