import { describe, expect, it } from "vitest";
import { validateModel } from "@/lib/scoring";
import { TIERS } from "./helpers";

const linear = { type: "linear", worst: 0, best: 100 };
const base = {
  range: { min: 0, max: 100 },
  tiers: TIERS,
  categories: [
    {
      key: "usage",
      name: "Usage",
      weight: 60,
      metrics: [
        { metric: "a", weight: 55, rule: linear },
        { metric: "b", weight: 40, rule: linear },
      ],
    },
    { key: "support", name: "Support", weight: 40, metrics: [{ metric: "c", weight: 100, rule: linear }] },
  ],
};
const messages = (input: unknown, options?: { rawWeights?: boolean }) => {
  const r = validateModel(input, options);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
};

describe("model validation names the place and the problem", () => {
  it("weights that do not total 100 % at a level", () => {
    expect(messages(base)).toEqual(["categories[0]: Usage: weights total 95 %, must be 100 %"]);
    expect(messages(base, { rawWeights: true })).toEqual([]);
  });

  it("weights are checked to two decimals", () => {
    const thirds = {
      ...base,
      categories: [
        {
          ...base.categories[0]!,
          metrics: [
            { metric: "a", weight: 33.33, rule: linear },
            { metric: "b", weight: 33.33, rule: linear },
            { metric: "x", weight: 33.34, rule: linear },
          ],
        },
        base.categories[1]!,
      ],
    };
    expect(messages(thirds)).toEqual([]);
  });

  it("a gap or an overlap between tiers, and a first tier above the minimum", () => {
    expect(
      messages({
        ...base,
        categories: fixed(),
        tiers: [
          { min: 0, max: 40, label: "Low", color: "#000000" },
          { min: 45, label: "High", color: "#000000" },
        ],
      }),
    ).toEqual(["tiers[1].min: tiers leave a gap between 40 and 45"]);
    expect(
      messages({
        ...base,
        categories: fixed(),
        tiers: [
          { min: 0, max: 50, label: "Low", color: "#000000" },
          { min: 45, label: "High", color: "#000000" },
        ],
      }),
    ).toEqual(["tiers[1].min: tiers overlap between 45 and 50"]);
    expect(messages({ ...base, categories: fixed(), tiers: [{ min: 10, label: "Low", color: "#000000" }] })).toEqual([
      "tiers[0].min: tiers leave a gap between 0 and 10",
    ]);
    expect(
      messages({
        ...base,
        categories: fixed(),
        tiers: [
          { min: 0, label: "A", color: "#000000" },
          { min: 0, label: "B", color: "#000000" },
        ],
      }),
    ).toEqual(['tiers[1].min: tiers must increase: "B" starts at 0, not above "A" (0)']);
  });

  it("bands with gaps or overlaps", () => {
    const bands = (list: unknown) => ({
      ...base,
      categories: undefined,
      metrics: [{ metric: "t", name: "Tickets", weight: 100, rule: { type: "bands", bands: list } }],
    });
    expect(
      messages(
        bands([
          { from: 0, to: 40, points: 10 },
          { from: 45, to: 60, points: 20 },
        ]),
      ),
    ).toEqual(["metrics[0].rule.bands[1]: Tickets: bands leave a gap between 40 and 45"]);
    expect(
      messages(
        bands([
          { from: 0, to: 50, points: 10 },
          { from: 45, to: 60, points: 20 },
        ]),
      ),
    ).toEqual(["metrics[0].rule.bands[1]: Tickets: bands overlap between 45 and 50"]);
  });

  it("points outside the score range, zero weights, duplicate metrics, empty categories", () => {
    const bad = {
      ...base,
      categories: [
        {
          key: "usage",
          name: "Usage",
          weight: 100,
          metrics: [{ metric: "a", weight: 100, rule: { type: "boolean", true: 150, false: 0 } }],
        },
        { key: "empty", name: "Empty", weight: 0 },
      ],
    };
    expect(messages(bad)).toEqual([
      "categories[0].metrics[0].rule: Usage › a: points run from 0 to 150, outside the score range 0 to 100",
      "categories[1].weight: Empty: weight must be greater than 0",
      "categories[1]: Empty: add at least one metric or category",
    ]);
    const dup = {
      ...base,
      categories: [
        {
          key: "u",
          name: "U",
          weight: 100,
          metrics: [
            { metric: "a", weight: 50, rule: linear },
            { metric: "a", weight: 50, rule: linear },
          ],
        },
      ],
    };
    expect(messages(dup)).toEqual(['categories[0].metrics[1].metric: metric "a" appears twice']);
  });

  it("shape errors name the field", () => {
    expect(messages({ ...base, categories: fixed(), range: { min: 0 } })).toEqual([
      "range.max: Invalid input: expected number, received undefined",
    ]);
    expect(
      messages({
        ...base,
        categories: [
          { key: "u", name: "U", weight: 100, metrics: [{ metric: "a", weight: 100, rule: { type: "magic" } }] },
        ],
      })[0],
    ).toMatch(
      /^categories\[0\]\.metrics\[0\]\.rule\.type: must be one of categorical, bands, linear, target, percentile, boolean/,
    );
  });

  it("variants: unknown keys, missing conditions, shared priorities, weights after overrides", () => {
    const variant = (v: Record<string, unknown>) => ({
      ...base,
      categories: fixed(),
      variants: [{ key: "ent", name: "Enterprise", priority: 10, match: { segments: ["enterprise"] }, ...v }],
    });
    expect(messages(variant({ weights: { usage: 50, support: 50 } }))).toEqual([]);
    expect(messages(variant({ weights: { usage: 70 } }))).toEqual([
      'variants[0] → (top level): variant "Enterprise" › Top level: weights total 110 %, must be 100 %',
    ]);
    expect(messages(variant({ weights: { nope: 10 } }))).toEqual([
      'variants[0]: variant "Enterprise" › "nope" is not a metric or category of the base model',
    ]);
    expect(messages(variant({ match: {} }))).toEqual([
      'variants[0].match: variant "Enterprise" › name at least one segment or lifecycle stage it applies to',
    ]);
    const two = {
      ...variant({}),
      variants: [
        ...variant({}).variants,
        { key: "onb", name: "Onboarding", priority: 10, match: { stages: ["onboarding"] } },
      ],
    };
    expect(messages(two)).toEqual([
      'variants[1].priority: variants "Enterprise" and "Onboarding" share priority 10; give each its own',
    ]);
  });
});

function fixed() {
  return [
    {
      key: "usage",
      name: "Usage",
      weight: 60,
      metrics: [
        { metric: "a", weight: 60, rule: linear },
        { metric: "b", weight: 40, rule: linear },
      ],
    },
    { key: "support", name: "Support", weight: 40, metrics: [{ metric: "c", weight: 100, rule: linear }] },
  ];
}
