/** The parts of a score a change attribution needs (a snapshot's stored explanation has them). */
export interface ExplainedScore {
  score: number | null;
  metrics: { metric: string; name: string; points: number | null; effectiveWeight: number; contribution: number }[];
}

export interface AttributionPart {
  kind: "metric" | "renormalization" | "model_change";
  /** For metric parts. */
  metric?: string;
  label: string;
  delta: number;
}

export interface Attribution {
  /** after − before; null when either score is missing. */
  delta: number | null;
  parts: AttributionPart[];
}

/**
 * Splits the change between two scores of one account into parts that add up to
 * the change: per metric, the change in its points at its average weight; a metric
 * that appeared or vanished counts in full; what remains is the reweighting that
 * data appearing or vanishing causes (renormalisation). When the model version
 * changed, pass `beforeUnderAfterModel` — the earlier inputs scored by the later
 * model — and the model's own effect becomes a separate part.
 */
export function attributeChange(
  before: ExplainedScore,
  after: ExplainedScore,
  beforeUnderAfterModel?: ExplainedScore,
): Attribution {
  if (before.score === null || after.score === null) return { delta: null, parts: [] };
  const delta = after.score - before.score;
  const parts: AttributionPart[] = [];
  let base = before;
  if (beforeUnderAfterModel && beforeUnderAfterModel.score !== null) {
    parts.push({
      kind: "model_change",
      label: "Model version change",
      delta: beforeUnderAfterModel.score - before.score,
    });
    base = beforeUnderAfterModel;
  }
  const prior = new Map(base.metrics.map((m) => [m.metric, m]));
  const seen = new Set<string>();
  for (const m of after.metrics) {
    seen.add(m.metric);
    const p = prior.get(m.metric);
    const wasPresent = p !== undefined && p.points !== null;
    const isPresent = m.points !== null;
    if (wasPresent && isPresent) {
      const d = ((p.effectiveWeight + m.effectiveWeight) / 2) * (m.points! - p.points!);
      if (d !== 0) parts.push({ kind: "metric", metric: m.metric, label: m.name, delta: d });
    } else if (isPresent)
      parts.push({ kind: "metric", metric: m.metric, label: `${m.name} (new data)`, delta: m.contribution });
    else if (wasPresent)
      parts.push({ kind: "metric", metric: m.metric, label: `${m.name} (no longer usable)`, delta: -p.contribution });
  }
  for (const p of base.metrics) {
    if (!seen.has(p.metric) && p.points !== null)
      parts.push({ kind: "metric", metric: p.metric, label: `${p.name} (not in this model)`, delta: -p.contribution });
  }
  const explained = parts.reduce((s, x) => s + x.delta, 0);
  parts.push({ kind: "renormalization", label: "Reweighting as data appeared or vanished", delta: delta - explained });
  return { delta, parts };
}
