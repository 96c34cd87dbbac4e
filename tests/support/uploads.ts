import { db } from "@/lib/db/client";
import { getImportJobOrThrow } from "@/lib/db/imports";
import { commitImport } from "@/lib/services/imports/commit";
import { previewImport, requestImportCommit } from "@/lib/services/imports/review";
import { receiveUpload } from "@/lib/services/imports/upload";
import type { TenantContext } from "@/lib/tenant";
import type { ImportKind } from "@/lib/validation/imports";
import type { TestOrg } from "./factories";

/** A request body carrying `content` (text as UTF-8, or the bytes as given), as an upload streams it. */
export function uploadBody(content: string | Uint8Array): ReadableStream<Uint8Array> {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  return new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(bytes);
      c.close();
    },
  });
}

/**
 * Takes `content` through an import as a user does — upload, review, commit —
 * and answers the review's preview, the finished (or failed) job and its rejected rows.
 */
export async function uploadAndCommit(ctx: TenantContext, kind: ImportKind, content: string | Uint8Array, now: Date) {
  const { id } = await receiveUpload(ctx, { kind, fileName: `${kind}.csv`, body: uploadBody(content) });
  const preview = await previewImport(ctx, id);
  await requestImportCommit(ctx, id);
  // A failed commit is told by the job (status "failed" and its error), which the caller asserts on.
  await commitImport(ctx.organizationId, id, { now }).catch(() => undefined);
  const rejected = await db().importRejectedRow.findMany({
    where: { organizationId: ctx.organizationId, importJobId: id },
    orderBy: [{ line: "asc" }, { column: "asc" }],
    select: { line: true, column: true, reason: true },
  });
  return { preview, job: await getImportJobOrThrow(ctx, id), rejected };
}

/** The value stored for `org`'s `account`-th account and metric `metricKey` at midnight UTC of `day`, if any. */
export async function storedValue(org: TestOrg, metricKey: string, day: string, account = 0) {
  const row = await db().metricObservation.findUnique({
    where: {
      organizationId_accountId_metricId_observedAt: {
        organizationId: org.organizationId,
        accountId: org.accountIds[account]!,
        metricId: org.metricIds[metricKey]!,
        observedAt: new Date(`${day}T00:00:00Z`),
      },
    },
    select: { value: true },
  });
  return row?.value;
}
