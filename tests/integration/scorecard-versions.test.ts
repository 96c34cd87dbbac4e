import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createDraftVersion, listScorecardVersions } from "@/lib/db/model-versions";
import { ConflictError } from "@/lib/errors";
import { publishVersion } from "@/lib/services/scorecards/publish";
import {
  checkDefinition,
  compareVersions,
  createFromTemplate,
  restoreAsDraft,
  saveDraft,
} from "@/lib/services/scorecards/versions";
import { ValidationError } from "@/lib/errors";
import { SCORECARD_TEMPLATES } from "@/lib/templates/scorecards";
import { recomputeOrganization } from "@/lib/services/scoring/recompute";
import { previewImpact } from "@/lib/services/scorecards/impact";
import { testOnAccount } from "@/lib/services/scorecards/test-account";
import { variantReach } from "@/lib/services/scorecards/variant-reach";
import { DEMO_HEALTH_MODEL } from "@/lib/demo/health-model";
import { createTestOrg, publishHealthScorecard, type TestOrg } from "../support/factories";

let org: TestOrg;
beforeAll(async () => {
  org = await createTestOrg({ accounts: 6, days: 3, seed: 33 });
});

describe("scorecard versions", () => {
  it("starts a scorecard from a template as a draft, publishes it with a note, restores and compares versions", async () => {
    const admin = await org.contextFor("admin");
    const { scorecardId, versionId } = await createFromTemplate(admin, {
      template: "onboarding-90",
      key: "onboarding",
      name: "Onboarding",
    });
    let versions = await listScorecardVersions(admin, scorecardId);
    expect(versions.map((v) => [v.number, v.status])).toEqual([[1, "draft"]]);
    expect(await db().scorecard.findFirst({ where: { id: scorecardId } })).toMatchObject({ publishedVersionId: null });
    await expect(
      createFromTemplate(admin, { template: "b2b-saas-health", key: "onboarding", name: "Other" }),
    ).rejects.toThrow(ConflictError);

    await publishVersion(admin, { scorecardId, versionId, changeNote: "First onboarding model" });
    expect(
      await db().scoringRun.count({
        where: { organizationId: org.organizationId, status: "queued", trigger: "publish" },
      }),
    ).toBe(1);

    // A changed draft, then v1 restored as v3: the diff names what changed, v1 → v3 nothing.
    const changed = structuredClone(SCORECARD_TEMPLATES["onboarding-90"].definition) as {
      categories: { weight: number }[];
    };
    changed.categories[0]!.weight = 60;
    changed.categories[1]!.weight = 20;
    const v2 = await createDraftVersion(admin, scorecardId, changed);
    const v3 = await restoreAsDraft(admin, scorecardId, versionId);
    versions = await listScorecardVersions(admin, scorecardId);
    expect(versions.map((v) => [v.number, v.status])).toEqual([
      [3, "draft"],
      [2, "draft"],
      [1, "published"],
    ]);
    const diff = await compareVersions(admin, scorecardId, versionId, v2.id);
    expect(diff.map((c) => `${c.subject}: ${c.change}`)).toEqual([
      "Activation: weight: 50 % → 60 %",
      "Enablement: weight: 30 % → 20 %",
    ]);
    expect(await compareVersions(admin, scorecardId, versionId, v3.id)).toEqual([]);
    expect(
      (
        await db().auditLog.findMany({
          where: { organizationId: org.organizationId, entityId: scorecardId },
          orderBy: { createdAt: "asc" },
        })
      ).map((a) => a.action),
    ).toEqual(["scorecard.create", "scorecard.publish", "scorecard.restore"]);

    const other = await createTestOrg({ accounts: 2, days: 2, seed: 34 });
    await expect(restoreAsDraft(await other.contextFor("admin"), scorecardId, versionId)).rejects.toThrow(
      "Model version not found.",
    );
  });
});

describe("test on an account", () => {
  it("scores the account exactly as a recompute does, and shows a draft's result beside it", async () => {
    const admin = await org.contextFor("admin");
    const { scorecardId, versionId } = await publishHealthScorecard(org.organizationId);
    const now = new Date("2026-06-15T12:00:00Z");
    await recomputeOrganization(org.organizationId, { trigger: "test", now });
    const current = await db().currentScore.findFirstOrThrow({
      where: { organizationId: org.organizationId, scorecardId, score: { not: null } },
    });
    const reweighted = structuredClone(DEMO_HEALTH_MODEL) as { categories: { weight: number }[] };
    reweighted.categories[0]!.weight += 10;
    reweighted.categories[1]!.weight -= 10;
    const draft = await createDraftVersion(admin, scorecardId, reweighted);
    const [published, tried] = await testOnAccount(
      admin,
      { scorecardId, versionIds: [versionId, draft.id], accountId: current.accountId },
      now,
    );
    expect(published).toMatchObject({
      number: 1,
      status: "published",
      score: current.score,
      coverage: current.coverage,
    });
    expect(published!.tier.key).toBe(current.tierKey);
    const sum = tried!.detail.metrics.reduce((n, m) => n + m.contribution, 0);
    expect(sum).toBeCloseTo(tried!.score!, 9);
    expect(tried!.score).not.toBe(published!.score);
    // The impact preview's "before" side is the portfolio a recompute at the same instant produced.
    const impact = await previewImpact(admin, scorecardId, draft.id, now);
    const currents = await db().currentScore.findMany({ where: { organizationId: org.organizationId, scorecardId } });
    const scored = currents.filter((c) => c.score !== null);
    expect(impact.accounts).toBe(currents.length);
    expect(impact.histogram.before.reduce((n, x) => n + x, 0)).toBe(scored.length);
    expect(impact.averageBefore).toBeCloseTo(scored.reduce((n, c) => n + c.score!, 0) / scored.length, 9);
    const cells = impact.matrix.flat();
    expect(cells.reduce((n, c) => n + c.accounts, 0)).toBe(currents.length);
    const offDiagonal = impact.matrix.flatMap((row, i) => row.filter((_, j) => i !== j));
    expect(offDiagonal.reduce((n, c) => n + c.accounts, 0)).toBe(impact.changedTier);
    const before = new Map(currents.map((c) => [c.accountId, c.tierKey]));
    for (const m of impact.movers) expect(m.fromTier).toBe(before.get(m.id));

    const other = await createTestOrg({ accounts: 2, days: 2, seed: 35 });
    await expect(previewImpact(await other.contextFor("admin"), scorecardId, draft.id)).rejects.toThrow(
      "Scorecard not found.",
    );
    await expect(
      testOnAccount(await other.contextFor("admin"), {
        scorecardId,
        versionIds: [versionId],
        accountId: current.accountId,
      }),
    ).rejects.toThrow("Account not found.");
  });
});

describe("editing a draft", () => {
  it("names every problem as the admin types, saves drafts with problems, and refuses to publish them", async () => {
    const admin = await org.contextFor("admin");
    const { scorecardId, versionId } = await createFromTemplate(admin, {
      template: "b2b-saas-health",
      key: "edited",
      name: "Edited",
    });
    const model = structuredClone(SCORECARD_TEMPLATES["b2b-saas-health"].definition) as {
      categories: { weight: number }[];
      tiers: { min: number; max?: number }[];
    };
    expect(checkDefinition("{ nope").syntax).toMatch(/JSON/);
    await expect(saveDraft(admin, scorecardId, versionId, "{ nope")).rejects.toThrow(/not valid JSON/);

    model.categories[0]!.weight += 5;
    model.tiers[1]!.min = 50;
    const check = checkDefinition(JSON.stringify(model));
    expect(check.issues.map((i) => i.message).join(" | ")).toMatch(/weights total 105 %/);
    expect(check.issues.map((i) => i.message).join(" | ")).toMatch(/gap|overlap|must start/i);
    const saved = await saveDraft(admin, scorecardId, versionId, JSON.stringify(model));
    expect(saved.issues.length).toBeGreaterThan(0);
    const refused = await publishVersion(admin, { scorecardId, versionId, changeNote: "too early" }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(ValidationError);

    model.categories[0]!.weight -= 5;
    model.tiers[1]!.min = 45;
    const fixed = await saveDraft(admin, scorecardId, versionId, JSON.stringify(model));
    expect(fixed).toMatchObject({ syntax: null, issues: [] });
    expect(fixed.bounds!.max).toBeGreaterThan(fixed.bounds!.min);
    await publishVersion(admin, { scorecardId, versionId, changeNote: "Reviewed" });
    const audit = await db().auditLog.count({
      where: { organizationId: org.organizationId, action: "scorecard.draft.update" },
    });
    expect(audit).toBe(2);
  });
});

describe("which variant applies", () => {
  it("counts the active accounts each variant of a draft would score and explains one account's variant", async () => {
    const wide = await createTestOrg({ accounts: 40, days: 2, seed: 12 });
    const admin = await wide.contextFor("admin");
    const organizationId = wide.organizationId;
    // Enterprise (priority 20, segment enterprise) outranks Onboarding (priority 10, stage onboarding).
    const active = { organizationId, status: "active" as const };
    const inEnterprise = { segments: { some: { segment: { key: "enterprise" } } } };
    const onboarding = { lifecycleStage: { key: "onboarding" } };
    const [all, enterprise, onboardingOnly] = await Promise.all([
      db().account.count({ where: active }),
      db().account.count({ where: { ...active, ...inEnterprise } }),
      db().account.count({ where: { ...active, ...onboarding, NOT: inEnterprise } }),
    ]);
    expect(enterprise).toBeGreaterThan(0);
    const result = await variantReach(admin, { definition: DEMO_HEALTH_MODEL });
    expect(result.reach).toEqual([
      { key: null, name: "Base model", accounts: all - enterprise - onboardingOnly },
      { key: "enterprise", name: "Enterprise", accounts: enterprise },
      { key: "onboarding", name: "Onboarding", accounts: onboardingOnly },
    ]);
    expect(result.account).toBeNull();

    const member = await db().account.findFirstOrThrow({ where: { ...active, ...inEnterprise } });
    const explained = await variantReach(admin, { definition: DEMO_HEALTH_MODEL, account: member.externalId });
    expect(explained.account).toMatchObject({ externalId: member.externalId, name: member.name });
    expect(explained.account!.segments).toContain("enterprise");
    expect(explained.account!.reason).toMatch(/Enterprise variant, priority 20 \(segment enterprise\)/);
  });

  it("refuses an invalid draft and names an account of another organisation as unknown", async () => {
    const admin = await org.contextFor("admin");
    const broken = { ...DEMO_HEALTH_MODEL, tiers: [] };
    await expect(variantReach(admin, { definition: broken })).rejects.toThrow(
      /Fix the draft first: needs at least one tier/,
    );
    const other = await createTestOrg({ accounts: 2, days: 2, seed: 8 });
    const foreign = await db().account.findFirstOrThrow({ where: { organizationId: other.organizationId } });
    await expect(variantReach(admin, { definition: DEMO_HEALTH_MODEL, account: foreign.externalId })).rejects.toThrow(
      ValidationError,
    );
  });
});
