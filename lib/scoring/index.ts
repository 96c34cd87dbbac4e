/**
 * Pulseboard's scoring engine: pure functions of (model version, account inputs,
 * as-of time, peer population). No framework, database, clock or randomness, so
 * the builder's previews, the batch recompute and the validation replay all get
 * the same answer for the same inputs. The rules are in docs/scoring-models.md.
 */
export * from "./model-schema";
export { validateModel, type ModelIssue, type ModelValidation } from "./validate";
export { applyVariant, resolveVariant, type VariantResolution } from "./variants";
export { compileModel, type CompiledModel } from "./compile";
export {
  scoreColumns,
  allocateOutput,
  tierIndex,
  STATUS,
  REASON,
  type InputColumns,
  type OutputColumns,
} from "./evaluate";
export { createScorer, parseInstant, INSUFFICIENT_DATA } from "./explain";
export type {
  AccountInput,
  AccountScore,
  MetricExplanation,
  CategoryExplanation,
  MetricInput,
  TierInfo,
} from "./explain";
export { attributeChange, type Attribution, type AttributionPart, type ExplainedScore } from "./attribution";
export { scoreDeltas, leastSquaresSlope, scoreSlope, type SeriesPoint } from "./trends";
export { npsFromAnswers } from "./nps";
export { rulePointBounds, percentileOf } from "./rules";
export {
  scorePortfolio,
  variantCompiler,
  type PortfolioInput,
  type PortfolioScores,
  type CompactExplanation,
} from "./portfolio";
export { modelTiers, tierInfo } from "./tier-info";
export { readSnapshotDetail, type SnapshotDetail, type SnapshotMetric } from "./snapshot-detail";
export { modelMetricKeys } from "./metric-keys";
export { diffModels, type ModelChange } from "./model-diff";
export { scoreBounds } from "./model-bounds";
export { checkModel, type ModelCheck } from "./check";
export { ruleCurve, type RuleCurve } from "./rule-curve";
