import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createScorer, resolveVariant, validateModel, type ModelDefinition } from "@/lib/scoring";

const result = validateModel(JSON.parse(readFileSync("docs/examples/b2b-saas-health.model.json", "utf8")));
if (!result.ok) throw new Error("example model is invalid");
const model: ModelDefinition = result.model;

describe("variant resolution", () => {
  it("picks the matching variant with the highest priority, and says why", () => {
    const both = resolveVariant(model, { segments: ["enterprise"], stage: "onboarding" }, "Health");
    expect(both.variant?.key).toBe("enterprise");
    expect(both.reason).toBe("scored by Health · Enterprise variant, priority 20 (segment enterprise)");
    expect(resolveVariant(model, { segments: ["smb"], stage: "onboarding" }, "Health").reason).toBe(
      "scored by Health · Onboarding variant, priority 10 (stage onboarding)",
    );
  });

  it("falls back to the base model", () => {
    const r = resolveVariant(model, { segments: ["smb"], stage: "mature" }, "Health");
    expect(r).toEqual({ variant: null, reason: "scored by Health · base model (no variant matches)" });
  });

  it("requires every named condition to hold", () => {
    const both = {
      ...model,
      variants: [{ ...model.variants[0]!, match: { segments: ["enterprise"], stages: ["renewal"] } }],
    };
    expect(resolveVariant(both, { segments: ["enterprise"], stage: "mature" }).variant).toBeNull();
    expect(resolveVariant(both, { segments: ["enterprise"], stage: "renewal" }).reason).toMatch(
      /segment enterprise; stage renewal/,
    );
  });

  it("a variant changes only what it names and inherits the rest", () => {
    const scorer = createScorer(model);
    const base = scorer.compiledFor(null);
    const enterprise = scorer.compiledFor("enterprise");
    expect([...enterprise.nodeWeight]).toEqual([1, 30, 25, 45]);
    expect([...base.nodeWeight]).toEqual([1, 40, 25, 35]);
    expect(enterprise.metrics.map((m) => m.rule)).toEqual(base.metrics.map((m) => m.rule));
    const onboarding = scorer.compiledFor("onboarding");
    expect(onboarding.metrics.find((m) => m.key === "feature_adoption")!.rule).toEqual({
      type: "target",
      target: 40,
      direction: "higher",
    });
  });

  it("scores the same inputs differently per variant, deterministically", () => {
    const account = {
      id: "x",
      seats: 100,
      arr: 50_000,
      values: {
        weekly_active_users: 50,
        feature_adoption: 35,
        open_tickets: 2,
        csat: 4,
        csm_sentiment: "good",
        nps: 10,
        days_invoice_overdue: 0,
      },
    };
    const scorer = createScorer(model, "Health");
    const asOf = "2026-11-22";
    const [smb, ent, onb] = scorer.scoreAccounts(
      [
        { ...account, segments: ["smb"], stage: "mature" },
        { ...account, segments: ["enterprise"], stage: "mature" },
        { ...account, segments: ["smb"], stage: "onboarding" },
      ],
      { asOf },
    );
    expect(new Set([smb!.score, ent!.score, onb!.score]).size).toBe(3);
    expect([smb!.variant.key, ent!.variant.key, onb!.variant.key]).toEqual([null, "enterprise", "onboarding"]);
    const again = scorer.scoreAccounts([{ ...account, segments: ["enterprise"], stage: "mature" }], { asOf })[0]!;
    expect(again).toEqual({ ...ent!, id: "x" });
  });
});
