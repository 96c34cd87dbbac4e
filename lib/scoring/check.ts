import { scoreBounds } from "./model-bounds";
import { validateModel, type ModelIssue } from "./validate";

export interface ModelCheck {
  issues: ModelIssue[];
  /** Lowest and highest possible score, once the model is valid. */
  bounds: { min: number; max: number } | null;
}

/** What the builder shows as a draft changes: every problem publishing would refuse, or the score's bounds. */
export function checkModel(definition: unknown): ModelCheck {
  const v = validateModel(definition);
  return v.ok ? { issues: [], bounds: scoreBounds(v.model) } : { issues: v.issues, bounds: null };
}
