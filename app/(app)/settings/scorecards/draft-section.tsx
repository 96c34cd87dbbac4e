import { ModelBuilder } from "@/components/scorecards/builder/model-builder";
import { listMetricCatalogue } from "@/lib/db/metrics";
import { listVariantChoices } from "@/lib/db/segments";
import type { TenantContext } from "@/lib/tenant";

/** The draft builder with what it offers: live catalogue metrics, segments and stages to match variants on. */
export async function DraftSection({
  tenant,
  scorecardId,
  version,
  hasPublished,
}: {
  tenant: TenantContext;
  scorecardId: string;
  hasPublished: boolean;
  version: { id: string; number: number; definition: unknown };
}) {
  const [metrics, choices] = await Promise.all([listMetricCatalogue(tenant), listVariantChoices(tenant)]);
  const catalogue = metrics
    .filter((m) => !m.retiredAt)
    .map(({ key, name, valueType, unit, direction, normalization, stalenessDays, options }) => ({
      key,
      name,
      valueType,
      unit,
      direction,
      normalization,
      stalenessDays,
      options,
    }));
  return (
    <ModelBuilder
      key={version.id}
      scorecardId={scorecardId}
      version={{ id: version.id, number: version.number, definition: version.definition }}
      catalogue={catalogue}
      segments={choices.segments}
      stages={choices.stages}
      hasPublished={hasPublished}
    />
  );
}
