import { listPublishedModels } from "../../db/scorecards";
import { validateModel, variantCompiler, type ModelDefinition } from "../../scoring";

interface Parsed {
  model: ModelDefinition;
  compiledFor: ReturnType<typeof variantCompiler>;
}

const MAX = 500;
const cache = new Map<string, Parsed | null>();

/**
 * A published model version, validated and with its variants compiled on first
 * use, kept in memory: published versions never change (an edit is a new
 * version), so every page and run after the first skips the work. Null when the
 * stored definition is not a valid model.
 */
export function publishedModel(versionId: string, definition: unknown): Parsed | null {
  const hit = cache.get(versionId);
  if (hit !== undefined) return hit;
  const validation = validateModel(definition);
  const parsed = validation.ok ? { model: validation.model, compiledFor: variantCompiler(validation.model) } : null;
  if (cache.size >= MAX) cache.delete(cache.keys().next().value!);
  cache.set(versionId, parsed);
  return parsed;
}

/** The organisation's published scorecards with their models parsed (invalid definitions skipped). */
export async function listParsedPublishedModels(organizationId: string) {
  return (await listPublishedModels(organizationId)).flatMap((m) => {
    const parsed = publishedModel(m.versionId, m.definition);
    return parsed ? [{ ...m, model: parsed.model }] : [];
  });
}
