import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CommitButton } from "@/components/imports/commit-button";
import { ImportProgress } from "@/components/imports/import-progress";
import { ImportResult } from "@/components/imports/import-result";
import { MappingForm } from "@/components/imports/mapping-form";
import { PreviewTable } from "@/components/imports/preview-table";
import { RejectionsTable } from "@/components/imports/rejections-table";
import { ImportStatusBadge } from "@/components/imports/status-badge";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound, requirePageTenant } from "@/lib/auth/page";
import { can, type Role } from "@/lib/auth/permissions";
import { utcDay } from "@/lib/dates";
import { getImportJobOrThrow, listRejections } from "@/lib/db/imports";
import { listLiveMetrics } from "@/lib/db/metrics";
import { formatDateTime } from "@/lib/format";
import { previewImport, underReview, type ImportPreview } from "@/lib/services/imports/review";
import { IMPORT_FIELDS, IMPORT_KIND_LABELS, wideMetricFields, type ImportKind } from "@/lib/validation/imports";

export const metadata: Metadata = { title: "Import" };

/** Rejections shown on the page; the download has them all. */
const SHOWN_REJECTIONS = 10;

function blockedBy(preview: ImportPreview): string | null {
  if (preview.looksLike)
    return `These columns fit an import of ${IMPORT_KIND_LABELS[preview.looksLike]}: upload the file again as that, or map a column to ${preview.missing.join(", ")}.`;
  if (preview.missing.length) return `Map a column to ${preview.missing.join(", ")} first.`;
  return preview.dates.choiceNeeded ? "Choose how the file's slash dates read first." : null;
}

/** Where an observations import brought readings older than yesterday, the day they start, for "score the past". */
function historyFrom(job: { kind: string; earliestAt: Date | null }, role: Role): string | null {
  if (job.kind !== "observations" || !job.earliestAt || !can(role, "scores:recompute")) return null;
  const yesterday = utcDay(new Date()).getTime() - 86_400_000;
  return job.earliestAt.getTime() < yesterday ? job.earliestAt.toISOString() : null;
}

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const { tenant } = await requirePageTenant("imports:run");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const job = await orNotFound(getImportJobOrThrow(tenant, id.data));
  const reviewing = underReview(job);
  // One more than shown, to tell whether the report holds more.
  const rejections = job.rejectedRows > 0 ? await listRejections(tenant, job.id, { take: SHOWN_REJECTIONS + 1 }) : [];
  const wide = wideMetricFields(job.kind as ImportKind, job.mapping) !== null;
  const [preview, mappedLike, metrics] = reviewing
    ? await Promise.all([
        previewImport(tenant, job.id).catch(() => null),
        job.mappingFromId ? getImportJobOrThrow(tenant, job.mappingFromId).catch(() => null) : null,
        job.kind === "observations" ? listLiveMetrics(tenant) : [],
      ])
    : [null, null, []];
  return (
    <>
      <p style={{ margin: "0 0 8px" }}>
        <Link href="/imports">← Imports</Link>
      </p>
      <PageHeader
        title={job.fileName}
        description={
          <>
            {job.kind} import · <ImportStatusBadge status={job.status} />
          </>
        }
      />
      <div className="stack">
        {job.error &&
          (job.status === "discarded" ? (
            <p className="card muted">{job.error}</p>
          ) : (
            <div role="alert" className="alert alert-error">
              {job.error}
            </div>
          ))}
        {(job.status === "validated" || job.status === "committing") && (
          <ImportProgress
            importId={job.id}
            cancelling={job.cancelRequestedAt !== null}
            processed={job.processedRows}
            total={job.totalRows}
            writing={job.checkedAt ? job.acceptedRows : null}
          />
        )}
        {job.status === "committed" && <ImportResult job={job} wide={wide} pastFrom={historyFrom(job, tenant.role)} />}
        {rejections.length > 0 && (
          <RejectionsTable
            importId={job.id}
            rejections={rejections.slice(0, SHOWN_REJECTIONS)}
            more={rejections.length > SHOWN_REJECTIONS}
            count={{
              n: job.rejectedRows,
              ...(wide ? { unit: "value", units: "values" } : { unit: "row", units: "rows" }),
            }}
          />
        )}
        {preview && (
          <>
            <MappingForm
              importId={job.id}
              headers={preview.headers}
              mapping={job.mapping}
              fields={IMPORT_FIELDS[job.kind as ImportKind]}
              traits={job.kind === "accounts"}
              metrics={metrics}
              dates={preview.dates}
              mappedLike={
                mappedLike && {
                  href: `/imports/${mappedLike.id}`,
                  fileName: mappedLike.fileName,
                  on: formatDateTime(mappedLike.createdAt.toISOString()),
                }
              }
            />
            <PreviewTable preview={preview} />
            <CommitButton importId={job.id} blockedBy={blockedBy(preview)} rows={job.totalRows} />
          </>
        )}
      </div>
    </>
  );
}
