import type { z } from "zod";
import {
  modelSchema,
  type CategoryNode,
  type MetricNode,
  type ModelDefinition,
  type Rule,
  type Tier,
} from "./model-schema";
import { rulePointBounds, type Range } from "./rules";
import { applyVariant } from "./variants";

export interface ModelIssue {
  /** Where in the definition, e.g. "categories[0].metrics[1].rule.bands[2]". */
  path: string;
  /** What is wrong, naming the category, metric or tier. */
  message: string;
}

export type ModelValidation = { ok: true; model: ModelDefinition } | { ok: false; issues: ModelIssue[] };

const fmt = (n: number) => String(Math.round(n * 100) / 100);

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");
}

function fromZod(error: z.ZodError): ModelIssue[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}

/**
 * Parses and checks a model definition. Every problem is reported with its path
 * and a message an admin can act on. With `rawWeights`, weights need not total
 * 100 % (the engine normalises them); the builder and publishing use the default.
 */
export function validateModel(input: unknown, options: { rawWeights?: boolean } = {}): ModelValidation {
  const parsed = modelSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: fromZod(parsed.error) };
  const model = parsed.data;
  const issues: ModelIssue[] = [];
  checkRange(model, issues);
  checkStructure(model, "", issues, options.rawWeights ?? false);
  // A variant inherits the base, so its own checks only make sense once the base is sound.
  if (issues.length === 0) checkVariants(model, issues, options.rawWeights ?? false);
  checkTiers(model.tiers, model.range, "tiers", issues);
  return issues.length ? { ok: false, issues } : { ok: true, model };
}

function checkRange(model: ModelDefinition, issues: ModelIssue[]) {
  if (!(model.range.min < model.range.max)) {
    issues.push({
      path: "range",
      message: `score range minimum ${fmt(model.range.min)} must be below its maximum ${fmt(model.range.max)}`,
    });
  }
}

/** Weights, keys and rules of the whole tree; `label` prefixes messages (used for variants). */
function checkStructure(model: ModelDefinition, label: string, issues: ModelIssue[], rawWeights: boolean) {
  const seen = new Map<string, string>();
  const visit = (node: { metrics: MetricNode[]; categories: CategoryNode[] }, name: string, path: string) => {
    const children = [...node.metrics.map((m) => m.weight), ...node.categories.map((c) => c.weight)];
    if (children.length === 0) {
      issues.push({ path: path || "metrics", message: `${label}${name}: add at least one metric or category` });
      return;
    }
    const total = children.reduce((a, b) => a + b, 0);
    if (!rawWeights && Math.abs(total - 100) >= 0.005) {
      issues.push({
        path: path || "(top level)",
        message: `${label}${name}: weights total ${fmt(total)} %, must be 100 %`,
      });
    }
    node.metrics.forEach((m, i) => {
      const at = `${path ? `${path}.` : ""}metrics[${i}]`;
      const metricName = `${name === "Top level" ? "" : `${name} › `}${m.name ?? m.metric}`;
      if (seen.has(m.metric))
        issues.push({ path: `${at}.metric`, message: `${label}metric "${m.metric}" appears twice` });
      seen.set(m.metric, at);
      if (!(m.weight > 0))
        issues.push({ path: `${at}.weight`, message: `${label}${metricName}: weight must be greater than 0` });
      checkRule(m.rule, model.range, `${at}.rule`, `${label}${metricName}`, issues);
      if (m.missing.neutral !== undefined) {
        const b = rulePointBounds(m.rule, model.range);
        if (m.missing.neutral < b.min || m.missing.neutral > b.max) {
          issues.push({
            path: `${at}.missing.neutral`,
            message: `${label}${metricName}: neutral points ${fmt(m.missing.neutral)} lie outside the rule's ${fmt(b.min)} to ${fmt(b.max)}`,
          });
        }
      }
    });
    node.categories.forEach((c, i) => {
      const at = `${path ? `${path}.` : ""}categories[${i}]`;
      if (seen.has(c.key)) issues.push({ path: `${at}.key`, message: `${label}key "${c.key}" is used twice` });
      seen.set(c.key, at);
      if (!(c.weight > 0))
        issues.push({ path: `${at}.weight`, message: `${label}${c.name}: weight must be greater than 0` });
      visit(c, c.name, at);
    });
  };
  visit(model, "Top level", "");
}

function checkRule(rule: Rule, range: Range, path: string, name: string, issues: ModelIssue[]) {
  const add = (message: string, sub = "") => issues.push({ path: path + sub, message: `${name}: ${message}` });
  if (rule.type === "categorical" && Object.keys(rule.options).length === 0)
    add("a categorical rule needs at least one option", ".options");
  if (rule.type === "linear" && rule.worst === rule.best) add("worst and best must differ");
  if (rule.type === "target" && !(rule.target > 0)) add("the target must be greater than 0", ".target");
  if (rule.type === "bands") checkBands(rule.bands, add);
  if (
    "minPoints" in rule &&
    rule.minPoints !== undefined &&
    rule.maxPoints !== undefined &&
    rule.minPoints > rule.maxPoints
  ) {
    add("minPoints must not exceed maxPoints");
  }
  const b = rulePointBounds(rule, range);
  if (b.min < range.min || b.max > range.max) {
    add(
      `points run from ${fmt(b.min)} to ${fmt(b.max)}, outside the score range ${fmt(range.min)} to ${fmt(range.max)}`,
    );
  }
}

function checkBands(bands: { from: number | null; to: number | null }[], add: (m: string, sub?: string) => void) {
  bands.forEach((band, i) => {
    const sub = `.bands[${i}]`;
    if (band.from === null && i > 0) add("only the first band may be open below", sub);
    if (band.to === null && i < bands.length - 1) add("only the last band may be open above", sub);
    if (band.from !== null && band.to !== null && !(band.from < band.to))
      add(`band from ${fmt(band.from)} to ${fmt(band.to)} is empty`, sub);
    const next = bands[i + 1];
    if (next && band.to !== null && next.from !== null) {
      if (band.to < next.from)
        add(`bands leave a gap between ${fmt(band.to)} and ${fmt(next.from)}`, `.bands[${i + 1}]`);
      if (band.to > next.from) add(`bands overlap between ${fmt(next.from)} and ${fmt(band.to)}`, `.bands[${i + 1}]`);
    }
  });
}

/** Tiers must cover the score range from its minimum, in increasing order, without gaps or overlaps. */
export function checkTiers(tiers: Tier[], range: Range, path: string, issues: ModelIssue[], label = "") {
  const first = tiers[0];
  if (!first) return;
  if (first.min > range.min)
    issues.push({
      path: `${path}[0].min`,
      message: `${label}tiers leave a gap between ${fmt(range.min)} and ${fmt(first.min)}`,
    });
  if (first.min < range.min)
    issues.push({
      path: `${path}[0].min`,
      message: `${label}the first tier "${first.label}" must start at the range minimum ${fmt(range.min)}, not ${fmt(first.min)}`,
    });
  const labels = new Set<string>();
  tiers.forEach((tier, i) => {
    if (labels.has(tier.label))
      issues.push({ path: `${path}[${i}].label`, message: `${label}tier "${tier.label}" appears twice` });
    labels.add(tier.label);
    if (tier.min > range.max)
      issues.push({
        path: `${path}[${i}].min`,
        message: `${label}tier "${tier.label}" starts at ${fmt(tier.min)}, above the range maximum ${fmt(range.max)}`,
      });
    if (tier.max !== undefined && !(tier.max > tier.min))
      issues.push({
        path: `${path}[${i}].max`,
        message: `${label}tier "${tier.label}" ends at ${fmt(tier.max)}, not above its start ${fmt(tier.min)}`,
      });
    const next = tiers[i + 1];
    if (next) {
      if (!(next.min > tier.min))
        issues.push({
          path: `${path}[${i + 1}].min`,
          message: `${label}tiers must increase: "${next.label}" starts at ${fmt(next.min)}, not above "${tier.label}" (${fmt(tier.min)})`,
        });
      else if (tier.max !== undefined && tier.max < next.min)
        issues.push({
          path: `${path}[${i + 1}].min`,
          message: `${label}tiers leave a gap between ${fmt(tier.max)} and ${fmt(next.min)}`,
        });
      else if (tier.max !== undefined && tier.max > next.min)
        issues.push({
          path: `${path}[${i + 1}].min`,
          message: `${label}tiers overlap between ${fmt(next.min)} and ${fmt(tier.max)}`,
        });
    } else if (tier.max !== undefined && tier.max < range.max) {
      issues.push({
        path: `${path}[${i}].max`,
        message: `${label}tiers leave a gap between ${fmt(tier.max)} and ${fmt(range.max)}`,
      });
    }
  });
}

function checkVariants(model: ModelDefinition, issues: ModelIssue[], rawWeights: boolean) {
  const keys = new Set<string>();
  const priorities = new Map<number, string>();
  model.variants.forEach((variant, i) => {
    const at = `variants[${i}]`;
    const label = `variant "${variant.name}" › `;
    if (keys.has(variant.key))
      issues.push({ path: `${at}.key`, message: `variant key "${variant.key}" is used twice` });
    keys.add(variant.key);
    const clash = priorities.get(variant.priority);
    if (clash)
      issues.push({
        path: `${at}.priority`,
        message: `variants "${clash}" and "${variant.name}" share priority ${variant.priority}; give each its own`,
      });
    priorities.set(variant.priority, variant.name);
    if (variant.match.segments.length === 0 && variant.match.stages.length === 0) {
      issues.push({
        path: `${at}.match`,
        message: `${label}name at least one segment or lifecycle stage it applies to`,
      });
    }
    const applied = applyVariant(model, variant);
    for (const unknown of applied.unknownKeys)
      issues.push({ path: `${at}`, message: `${label}"${unknown}" is not a metric or category of the base model` });
    const before = issues.length;
    checkStructure(applied.model, label, issues, rawWeights);
    // Paths inside the applied tree point at the base; say which variant they belong to.
    for (let k = before; k < issues.length; k++) issues[k] = { ...issues[k]!, path: `${at} → ${issues[k]!.path}` };
    if (variant.tiers) checkTiers(variant.tiers, model.range, `${at}.tiers`, issues, label);
  });
}
