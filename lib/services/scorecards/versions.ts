import { writeAudit } from "../../db/audit";
import {
  createDraftVersion,
  createScorecardWithDraft,
  getModelVersion,
  updateDraftDefinition,
} from "../../db/model-versions";
import { ValidationError } from "../../errors";
import { checkModel, diffModels, validateModel, type ModelChange } from "../../scoring";
import { SCORECARD_TEMPLATES, type TemplateKey } from "../../templates/scorecards";
import type { TenantContext } from "../../tenant";

/** A new scorecard from a template, as a draft version 1 to review and publish. Audited. */
export async function createFromTemplate(
  ctx: TenantContext,
  input: { template: TemplateKey; key: string; name: string },
) {
  const template = SCORECARD_TEMPLATES[input.template];
  const created = await createScorecardWithDraft(ctx, {
    key: input.key,
    name: input.name,
    description: template.description,
    definition: { ...template.definition, name: input.name },
  });
  await writeAudit(ctx, {
    action: "scorecard.create",
    entityType: "Scorecard",
    entityId: created.scorecardId,
    after: { key: input.key, name: input.name, template: input.template },
  });
  return created;
}

/** Copies any version (published, superseded or draft) into a new draft; the published version is untouched. */
export async function restoreAsDraft(ctx: TenantContext, scorecardId: string, versionId: string) {
  const source = await getModelVersion(ctx, scorecardId, versionId);
  const draft = await createDraftVersion(ctx, scorecardId, source.definition);
  await writeAudit(ctx, {
    action: "scorecard.restore",
    entityType: "Scorecard",
    entityId: scorecardId,
    after: { from: `v${source.number}`, draft: `v${draft.number}` },
  });
  return draft;
}

/** A version's model, or a validation error naming the version and its first problem. */
export function modelOf(version: { number: number; definition: unknown }) {
  const v = validateModel(version.definition);
  if (!v.ok) throw new ValidationError(`v${version.number} is not a valid model: ${v.issues[0]!.message}`);
  return v.model;
}

/** What changed from one version of a scorecard to another, readably; an invalid definition is named. */
export async function compareVersions(
  ctx: TenantContext,
  scorecardId: string,
  fromId: string,
  toId: string,
): Promise<ModelChange[]> {
  const [from, to] = await Promise.all([
    getModelVersion(ctx, scorecardId, fromId),
    getModelVersion(ctx, scorecardId, toId),
  ]);
  return diffModels(modelOf(from), modelOf(to));
}

export interface DefinitionCheck {
  /** JSON syntax error, if the text does not parse. */
  syntax: string | null;
  issues: { path: string; message: string }[];
  bounds: { min: number; max: number } | null;
}

/** Checks a draft's JSON as the admin edits it: syntax, every engine rule, and the lowest/highest possible score. */
export function checkDefinition(text: string): DefinitionCheck {
  const parsed = parseJson(text);
  if ("error" in parsed) return { syntax: parsed.error, issues: [], bounds: null };
  return { syntax: null, ...checkModel(parsed.value) };
}

function parseJson(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : "not JSON" };
  }
}

/** Saves a draft (it may still have issues; publishing refuses those). Audited before → after. */
export async function saveDraft(ctx: TenantContext, scorecardId: string, versionId: string, text: string) {
  const parsed = parseJson(text);
  if ("error" in parsed)
    throw new ValidationError(`The definition is not valid JSON: ${parsed.error}`, { definition: [parsed.error] });
  const before = await getModelVersion(ctx, scorecardId, versionId);
  await updateDraftDefinition(ctx, scorecardId, versionId, parsed.value);
  await writeAudit(ctx, {
    action: "scorecard.draft.update",
    entityType: "Scorecard",
    entityId: scorecardId,
    before: before.definition,
    after: parsed.value,
  });
  return { number: before.number, ...checkDefinition(text) };
}
