import { writeAudit } from "../../db/audit";
import { createDraftVersion, createScorecardWithDraft, getModelVersion } from "../../db/model-versions";
import { ValidationError } from "../../errors";
import { diffModels, validateModel, type ModelChange } from "../../scoring";
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

function modelOf(version: { number: number; definition: unknown }) {
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
