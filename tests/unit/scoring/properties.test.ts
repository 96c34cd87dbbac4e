import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attributeChange, createScorer, validateModel, type ModelDefinition } from "@/lib/scoring";

const RANGE = { min: -20, max: 100 };
const points = fc.integer({ min: RANGE.min, max: RANGE.max });

const rule = fc.oneof(
  fc.record({
    type: fc.constant("linear"),
    worst: fc.integer({ min: -50, max: 50 }),
    best: fc.integer({ min: 51, max: 200 }),
  }),
  fc.record({
    type: fc.constant("linear"),
    worst: fc.integer({ min: 51, max: 200 }),
    best: fc.integer({ min: -50, max: 50 }),
  }),
  fc.record({ type: fc.constant("target"), target: fc.integer({ min: 1, max: 150 }) }),
  fc.record({ type: fc.constant("boolean"), true: points, false: points }),
  fc.record({ type: fc.constant("categorical"), options: fc.record({ good: points, neutral: points, bad: points }) }),
  fc.tuple(points, points, points).map(([a, b, c]) => ({
    type: "bands",
    bands: [
      { from: null, to: 10, points: a },
      { from: 10, to: 50, points: b },
      { from: 50, to: null, points: c },
    ],
  })),
);
const missing = fc.constantFrom(
  { policy: "exclude" },
  { policy: "worst" },
  { policy: "neutral" },
  { policy: "carry_forward", fallback: "neutral" },
);
const metric = (key: string) =>
  fc.record({ metric: fc.constant(key), weight: fc.integer({ min: 1, max: 9 }), rule, missing });

/** Random models: two or three categories (one nested), 1–3 metrics each, raw weights. */
const modelArb = fc
  .tuple(
    fc.array(metric("x"), { minLength: 1, maxLength: 3 }),
    fc.array(metric("y"), { minLength: 1, maxLength: 3 }),
    fc.array(metric("z"), { minLength: 1, maxLength: 3 }),
    fc.integer({ min: 1, max: 9 }),
    fc.integer({ min: 1, max: 9 }),
    fc.integer({ min: 0, max: 80 }),
  )
  .map(([xs, ys, zs, w1, w2, minCoverage]) => {
    const name = (list: { metric: string }[], prefix: string) =>
      list.map((m, i) => ({ ...m, metric: `${prefix}${i}` }));
    const input = {
      range: RANGE,
      minCoverage,
      tiers: [
        { min: -20, label: "Low", color: "#000000" },
        { min: 40, label: "Mid", color: "#000000" },
        { min: 70, label: "High", color: "#000000" },
      ],
      categories: [
        {
          key: "c1",
          name: "C1",
          weight: w1,
          metrics: name(xs, "x"),
          categories: [{ key: "c1n", name: "Nested", weight: 3, metrics: name(zs, "z") }],
        },
        { key: "c2", name: "C2", weight: w2, metrics: name(ys, "y") },
      ],
    };
    const result = validateModel(input, { rawWeights: true });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return result.model;
  });

const valueFor = (r: { type: string }) =>
  r.type === "categorical"
    ? fc.constantFrom("good", "neutral", "bad", null)
    : r.type === "boolean"
      ? fc.constantFrom(true, false, null)
      : fc.option(fc.integer({ min: -100, max: 250 }), { nil: null });

const metricKeys = (m: ModelDefinition) =>
  m.categories.flatMap((c) => [...c.metrics, ...c.categories.flatMap((n) => n.metrics)]);

const withValues = modelArb.chain((m) =>
  fc.tuple(
    fc.constant(m),
    fc.record(
      Object.fromEntries(metricKeys(m).map((x) => [x.metric, valueFor(x.rule)])) as Record<
        string,
        fc.Arbitrary<unknown>
      >,
    ),
  ),
);
const run = (m: ModelDefinition, values: Record<string, unknown>) =>
  createScorer(m).scoreAccounts([{ id: "a", values: values as never }], { asOf: "2026-11-22" })[0]!;

describe("engine invariants (property-based)", () => {
  it("Σ contributions = score, exactly", () => {
    fc.assert(
      fc.property(withValues, ([m, values]) => {
        const r = run(m, values);
        if (r.score === null) return r.metrics.every((x) => x.contribution === 0);
        return r.metrics.reduce((s, x) => s + x.contribution, 0) === r.score;
      }),
    );
  });

  it("the score stays within the model's range, and within lowest..highest when every input is usable", () => {
    fc.assert(
      fc.property(withValues, ([m, values]) => {
        const r = run(m, values);
        if (r.score === null) return true;
        const eps = 1e-9;
        const inRange = r.score >= RANGE.min - eps && r.score <= RANGE.max + eps;
        const full = r.metrics.every((x) => x.status === "scored");
        return inRange && (!full || (r.score >= r.lowest - eps && r.score <= r.highest + eps));
      }),
    );
  });

  it("coverage is within 0..1 and an under-covered account is never given a real tier", () => {
    fc.assert(
      fc.property(withValues, ([m, values]) => {
        const r = run(m, values);
        const ok = r.coverage >= 0 && r.coverage <= 1;
        return ok && (r.coverage + 1e-9 >= m.minCoverage / 100 || r.tier.key === "insufficient_data");
      }),
    );
  });

  it("attribution parts add up to Δscore", () => {
    fc.assert(
      fc.property(withValues, withValues, ([m, before], [, afterRaw]) => {
        const after = Object.fromEntries(Object.keys(before).map((k) => [k, k in afterRaw ? afterRaw[k] : before[k]]));
        const a = attributeChange(run(m, before), run(m, after));
        if (a.delta === null) return true;
        return Math.abs(a.parts.reduce((s, p) => s + p.delta, 0) - a.delta) < 1e-9;
      }),
    );
  });

  it("adding a present metric scoring the category's average leaves the category unchanged", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ w: fc.integer({ min: 1, max: 9 }), v: fc.integer({ min: 0, max: 100 }) }), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.integer({ min: 1, max: 9 }),
        (items, extraWeight) => {
          const build = (list: { w: number; v: number }[]) => {
            const result = validateModel(
              {
                range: { min: 0, max: 100 },
                tiers: [{ min: 0, label: "All", color: "#000000" }],
                categories: [
                  {
                    key: "c",
                    name: "C",
                    weight: 1,
                    metrics: list.map((x, i) => ({
                      metric: `m${i}`,
                      weight: x.w,
                      rule: { type: "linear", worst: 0, best: 100 },
                    })),
                  },
                ],
              },
              { rawWeights: true },
            );
            if (!result.ok) throw new Error("invalid");
            return run(result.model, Object.fromEntries(list.map((x, i) => [`m${i}`, x.v])));
          };
          const before = build(items).categories[0]!.score!;
          const after = build([...items, { w: extraWeight, v: before }]).categories[0]!.score!;
          return Math.abs(after - before) < 1e-9;
        },
      ),
    );
  });

  it("monotone rules stay monotone: a better value never lowers the score", () => {
    const monotone = fc.oneof(
      fc.record({
        type: fc.constant("linear"),
        worst: fc.integer({ min: -50, max: 50 }),
        best: fc.integer({ min: 51, max: 200 }),
      }),
      fc.record({ type: fc.constant("target"), target: fc.integer({ min: 1, max: 150 }) }),
      fc
        .tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 40 }))
        .map(([a, b, c]) => ({
          type: "bands",
          bands: [
            { from: null, to: 10, points: a },
            { from: 10, to: 50, points: a + b },
            { from: 50, to: null, points: a + b + c },
          ],
        })),
    );
    fc.assert(
      fc.property(
        monotone,
        fc.integer({ min: -100, max: 250 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (r, low, step, other) => {
          const result = validateModel({
            range: { min: 0, max: 100 },
            tiers: [{ min: 0, label: "All", color: "#000000" }],
            metrics: [
              { metric: "m", weight: 60, rule: r },
              { metric: "o", weight: 40, rule: { type: "linear", worst: 0, best: 100 } },
            ],
          });
          if (!result.ok) throw new Error(JSON.stringify(result.issues));
          return (
            run(result.model, { m: low, o: other }).score! <=
            run(result.model, { m: low + step, o: other }).score! + 1e-9
          );
        },
      ),
    );
  });

  it("the same input always gives the identical output", () => {
    fc.assert(
      fc.property(withValues, ([m, values]) => {
        expect(run(m, values)).toStrictEqual(run(structuredClone(m), structuredClone(values)));
      }),
    );
  });
});
