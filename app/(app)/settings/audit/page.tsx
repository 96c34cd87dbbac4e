import type { Metadata } from "next";
import { z } from "zod";
import { Pagination } from "@/components/data-table/pagination";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TableCard } from "@/components/ui/table-card";
import { UrlSelect } from "@/components/ui/url-select";
import { auditChanges } from "@/lib/audit-diff";
import { requirePageTenant } from "@/lib/auth/page";
import { AUDIT_PAGE_SIZE, listAuditEntries } from "@/lib/db/audit";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Audit log" };

const AREAS = [
  { id: "scorecard", name: "Scorecards and publishing" },
  { id: "metric", name: "Metrics" },
  { id: "segment", name: "Segments" },
  { id: "stage", name: "Lifecycle stages" },
  { id: "alertRule", name: "Alert rules" },
  { id: "alert.", name: "Alerts worked" },
  { id: "score.override", name: "Overrides" },
  { id: "webhook", name: "Webhooks" },
  { id: "apiKey", name: "API keys" },
  { id: "account.", name: "Accounts" },
  { id: "member", name: "Members" },
  { id: "priorities", name: "At-risk ranking" },
];

const querySchema = z.object({
  area: z
    .string()
    .refine((a) => AREAS.some((x) => x.id === a))
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).default(1).catch(1),
});

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { tenant } = await requirePageTenant("audit:read");
  const q = querySchema.parse(await searchParams);
  const { items, total } = await listAuditEntries(tenant, q);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every configuration change and every alert worked: who, when, and what changed."
      />
      <div className="toolbar card">
        <UrlSelect name="area" label="Area" options={AREAS} />
      </div>
      {items.length === 0 ? (
        <div className="card">
          <EmptyState title="Nothing recorded here yet">
            Changes to models, rules, members and more appear here as they happen.
          </EmptyState>
        </div>
      ) : (
        <>
          <TableCard caption="Audit log entries">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap">{formatDateTime(e.createdAt)}</td>
                  <td>{e.actorName}</td>
                  <td>
                    <code>{e.action}</code>
                    <div className="muted small">{e.entityType}</div>
                  </td>
                  <td>
                    <ul className="plain-list small">
                      {auditChanges(e.before, e.after).map((line, i) => (
                        <li key={i}>{line}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </TableCard>
          <Pagination page={q.page} size={AUDIT_PAGE_SIZE} total={total} sizes={[AUDIT_PAGE_SIZE]} />
        </>
      )}
    </>
  );
}
