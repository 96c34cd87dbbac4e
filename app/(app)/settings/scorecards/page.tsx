import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { ImpactView } from "@/components/scorecards/impact-view";
import { TemplateForm } from "@/components/scorecards/template-form";
import { TestResults } from "@/components/scorecards/test-results";
import { VersionActions } from "@/components/scorecards/version-actions";
import { VersionSelect } from "@/components/scorecards/version-select";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TableCard } from "@/components/ui/table-card";
import { requirePageTenant } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { findAccountByExternalId, listLargestAccounts } from "@/lib/db/accounts";
import { listScorecardVersions } from "@/lib/db/model-versions";
import { listScorecards } from "@/lib/db/scorecards";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { previewImpact } from "@/lib/services/scorecards/impact";
import { testOnAccount } from "@/lib/services/scorecards/test-account";
import { compareVersions } from "@/lib/services/scorecards/versions";
import { SCORECARD_TEMPLATES } from "@/lib/templates/scorecards";
import { DraftSection } from "./draft-section";
import { TableHead } from "@/components/ui/table-head";

export const metadata: Metadata = { title: "Scorecards" };

const id = z.uuid().optional().catch(undefined);
const querySchema = z.object({
  scorecard: id,
  from: id,
  to: id,
  account: z.string().trim().max(200).optional().catch(undefined),
  test: id,
  impact: id,
  draft: id,
});
const STATUS: Record<string, string> = {
  draft: "badge badge-warn",
  published: "badge badge-ok",
  superseded: "badge badge-muted",
};

export default async function ScorecardsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { tenant } = await requirePageTenant("models:read");
  const q = querySchema.parse(await searchParams);
  const canEdit = can(tenant.role, "models:edit");
  const scorecards = await listScorecards(tenant);
  const selected = scorecards.find((s) => s.id === q.scorecard) ?? scorecards[0];
  const versions = selected ? await listScorecardVersions(tenant, selected.id) : [];
  const published = versions.find((v) => v.status === "published");
  // By default: the published version against the newest other version.
  const from = versions.find((v) => v.id === q.from) ?? published ?? versions[1];
  const to = versions.find((v) => v.id === q.to) ?? versions.find((v) => v.id !== from?.id);
  // Test on an account: the chosen version (default: the newest) beside the published one.
  const tested = versions.find((v) => v.id === q.test) ?? versions[0];
  const [testAccount, pickable] = await Promise.all([
    q.account ? findAccountByExternalId(tenant, q.account) : null,
    listLargestAccounts(tenant),
  ]);
  // Impact of a draft over the whole portfolio, on demand (admins).
  const drafts = versions.filter((v) => v.status === "draft");
  const editing = canEdit ? drafts.find((d) => d.id === q.draft) : undefined;
  const testIds = [...new Set([published?.id, tested?.id].filter((x): x is string => Boolean(x)))];
  const [test, impactRun, compared] = await Promise.all([
    attempt(Boolean(selected && testAccount && tested), () =>
      testOnAccount(tenant, { scorecardId: selected!.id, versionIds: testIds, accountId: testAccount!.id }),
    ),
    attempt(Boolean(canEdit && selected && q.impact && drafts.some((d) => d.id === q.impact)), () =>
      previewImpact(tenant, selected!.id, q.impact!),
    ),
    attempt(Boolean(selected && from && to && from.id !== to.id), () =>
      compareVersions(tenant, selected!.id, from!.id, to!.id),
    ),
  ]);
  const testResults = test.value;
  const testError = q.account && !testAccount ? `No account with the id ${q.account}.` : test.error;
  const [impact, impactError] = [impactRun.value, impactRun.error];
  const [changes, compareError] = [compared.value, compared.error];
  return (
    <>
      <PageHeader
        title="Scorecards"
        description="Every scorecard's versions: what was published, when, by whom and why; what changed between any two; restore an old one as a draft."
      />
      <div className="stack">
        {scorecards.length > 1 && (
          <nav className="tabs" aria-label="Scorecards">
            {scorecards.map((s) => (
              <Link
                key={s.id}
                href={`/settings/scorecards?scorecard=${s.id}`}
                aria-current={s.id === selected?.id ? "page" : undefined}
              >
                {s.name}
              </Link>
            ))}
          </nav>
        )}
        {!selected ? (
          <div className="card">
            <EmptyState title="No scorecard yet">Start one from a template below.</EmptyState>
          </div>
        ) : (
          <>
            <TableCard caption={`${selected.name}: versions`}>
              <TableHead columns={["Version", "Status", "Change note", "Created", "Published"]} actions={canEdit} />
              <tbody>
                {versions.map((v) => (
                  <tr key={v.id}>
                    <td>v{v.number}</td>
                    <td>
                      <span className={STATUS[v.status]}>{v.status}</span>
                    </td>
                    <td className="text">{v.changeNote ?? <span className="muted">—</span>}</td>
                    <td>
                      {formatDateTime(v.createdAt)}
                      {v.createdBy && <div className="muted small">{v.createdBy}</div>}
                    </td>
                    <td>
                      {v.publishedAt ? formatDateTime(v.publishedAt) : "—"}
                      {v.publishedBy && <div className="muted small">{v.publishedBy}</div>}
                    </td>
                    {canEdit && (
                      <td>
                        <div className="row nowrap">
                          {v.status === "draft" && (
                            <Link
                              className="btn"
                              href={`/settings/scorecards?scorecard=${selected.id}&draft=${v.id}`}
                              aria-label={`Edit v${v.number}`}
                            >
                              Edit
                            </Link>
                          )}
                          <VersionActions scorecardId={selected.id} version={v} />
                        </div>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </TableCard>
            {versions.length > 1 && (
              <section className="card stack" aria-labelledby="compare-heading">
                <h2 id="compare-heading">Compare versions</h2>
                <form method="get" className="toolbar">
                  <input type="hidden" name="scorecard" value={selected.id} />
                  <VersionSelect name="from" label="From" versions={versions} defaultValue={from?.id} />
                  <VersionSelect name="to" label="To" versions={versions} defaultValue={to?.id} />
                  <button className="btn" type="submit">
                    Compare
                  </button>
                </form>
                {compareError && <p className="field-error">{compareError}</p>}
                {changes && changes.length === 0 && <p className="muted">These versions score identically.</p>}
                {changes && changes.length > 0 && (
                  <TableCard caption={`Changes from v${from!.number} to v${to!.number}`}>
                    <thead>
                      <tr>
                        <th scope="col">Part</th>
                        <th scope="col">Name</th>
                        <th scope="col">Change</th>
                      </tr>
                    </thead>
                    <tbody>
                      {changes.map((c, i) => (
                        <tr key={i}>
                          <td>{c.area}</td>
                          <td>{c.subject}</td>
                          <td>
                            <code className="small">{c.change}</code>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </TableCard>
                )}
              </section>
            )}
          </>
        )}
        {editing && selected && (
          <DraftSection tenant={tenant} scorecardId={selected.id} version={editing} hasPublished={Boolean(published)} />
        )}
        {canEdit && selected && published && drafts.length > 0 && (
          <section className="card stack" aria-labelledby="impact-heading">
            <h2 id="impact-heading">Impact before publishing</h2>
            <p className="muted">
              Scores every active account with a draft and with the published v{published.number}, now, and compares.
            </p>
            <form method="get" className="toolbar">
              <input type="hidden" name="scorecard" value={selected.id} />
              <VersionSelect name="impact" label="Draft" versions={drafts} defaultValue={q.impact ?? drafts[0]!.id} />
              <button className="btn" type="submit">
                Preview impact
              </button>
            </form>
            {impactError && <p className="field-error">{impactError}</p>}
            {impact && <ImpactView impact={impact} />}
          </section>
        )}
        {selected && versions.length > 0 && (
          <section className="card stack" aria-labelledby="test-heading">
            <h2 id="test-heading">Test on an account</h2>
            <p className="muted">Scores one account now with a version of {selected.name}, beside the published one.</p>
            <form method="get" className="toolbar">
              <input type="hidden" name="scorecard" value={selected.id} />
              <label className="field">
                Account id
                <input
                  className="input"
                  name="account"
                  list="test-accounts"
                  defaultValue={q.account ?? ""}
                  placeholder="e.g. ACME-00001"
                />
                <datalist id="test-accounts">
                  {pickable.map((a) => (
                    <option key={a.id} value={a.externalId}>
                      {a.name}
                    </option>
                  ))}
                </datalist>
              </label>
              <VersionSelect name="test" label="Version" versions={versions} defaultValue={tested?.id} />
              <button className="btn" type="submit">
                Test
              </button>
            </form>
            {testError && <p className="field-error">{testError}</p>}
            {testResults && testAccount && <TestResults account={testAccount.name} results={testResults} />}
          </section>
        )}
        {canEdit && (
          <TemplateForm
            templates={Object.entries(SCORECARD_TEMPLATES).map(([key, t]) => ({
              key,
              name: t.name,
              description: t.description,
            }))}
          />
        )}
      </div>
    </>
  );
}

/** Runs `work` when `when` holds; an AppError (a broken version, nothing published) becomes a message to show. */
async function attempt<T>(when: boolean, work: () => Promise<T>): Promise<{ value: T | null; error: string | null }> {
  if (!when) return { value: null, error: null };
  try {
    return { value: await work(), error: null };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { value: null, error: error.message };
  }
}
