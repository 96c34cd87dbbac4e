import { csvLine } from "../../csv";
import { loadImportSamples } from "../../db/import-samples";
import type { TenantContext } from "../../tenant";
import { IMPORT_FIELDS, type ImportKind } from "../../validation/imports";

/** Observations a row per reading (account, metric, time, value), or a column per metric. */
export type TemplateLayout = "rows" | "columns";

/** An example reading a metric of this type takes. */
function sampleValue(metric: { valueType: string; options: string[] }): string | number {
  if (metric.valueType === "boolean") return "true";
  if (metric.valueType === "categorical") return metric.options[0] ?? "";
  return 42;
}

/**
 * A CSV to start an import from: every column the kind takes, and example rows
 * that name the organisation's own account, metrics, CSM and team, so that the
 * file imports as it is before it is filled in.
 */
export async function importTemplate(
  ctx: TenantContext,
  kind: ImportKind,
  today: Date,
  layout: TemplateLayout = "rows",
): Promise<string> {
  const s = await loadImportSamples(ctx.organizationId);
  const day = today.toISOString().slice(0, 10);
  const account = s.accountId ?? "ACCOUNT-ID";
  if (kind === "observations" && layout === "columns") {
    // A wide file: the account, the day, and a column per metric, named by its key.
    const header = csvLine(["account_external_id", "observed_at", ...s.metrics.map((m) => m.key)]);
    return [header, csvLine([account, day, ...s.metrics.map(sampleValue)])].join("\n") + "\n";
  }
  const header = csvLine(IMPORT_FIELDS[kind].map((f) => f.field));
  let rows: (string | number)[][];
  if (kind === "observations") {
    const numeric = s.metrics.find((m) => m.valueType === "number" || m.valueType === "percent");
    const categorical = s.metrics.find((m) => m.valueType === "categorical" && m.options.length > 0);
    rows = [
      [account, numeric?.key ?? "metric_key", day, 42],
      ...(categorical ? [[account, categorical.key, day, categorical.options[0]!]] : []),
    ];
  } else if (kind === "accounts") {
    const renewal = new Date(today.getTime() + 365 * 86_400_000).toISOString().slice(0, 10);
    rows = [
      [
        "NEW-0001",
        "Example Co",
        "example.com",
        s.csmEmail ?? "",
        s.team ?? "",
        48000,
        50,
        35,
        "Growth",
        "EMEA",
        day,
        renewal,
      ],
    ];
  } else rows = [[account, "renewed", day, 48000, 52000, "Renewed with two more seats"]];
  return [header, ...rows.map(csvLine)].join("\n") + "\n";
}
