import type { Metadata } from "next";
import { cookies } from "next/headers";
import { AccountsList } from "@/components/accounts/accounts-table";
import { Pagination } from "@/components/data-table/pagination";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageTenant } from "@/lib/auth/page";
import { listAccountFilterOptions, listAccounts } from "@/lib/db/accounts";
import { resolveScorecard } from "@/lib/services/dashboards/scorecard";
import {
  accountListQuerySchema,
  HIDDEN_ACCOUNT_COLUMNS_COOKIE,
  hiddenColumnsSchema,
  PAGE_SIZES,
} from "@/lib/validation/accounts";

export const metadata: Metadata = { title: "Accounts" };

const SCOPE_TEXT = {
  own: "Your book of accounts.",
  teams: "Accounts of the teams you manage.",
  organization: "Every account in the organisation.",
} as const;

export default async function AccountsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const { tenant } = await requirePageTenant("accounts:read");
  const query = accountListQuerySchema.parse(await searchParams);
  const { selected: card } = await resolveScorecard(tenant);
  const [{ total, items }, options, jar] = await Promise.all([
    listAccounts(tenant, query, card?.id),
    listAccountFilterOptions(tenant),
    cookies(),
  ]);
  const hidden = hiddenColumnsSchema.parse(jar.get(HIDDEN_ACCOUNT_COLUMNS_COOKIE)?.value ?? "");
  const tiers = Object.fromEntries((card?.tiers ?? []).map((t) => [t.key, t]));
  const filtered = Boolean(query.q || query.segment || query.stage || query.team || query.owner);
  return (
    <>
      <PageHeader title="Accounts" description={SCOPE_TEXT[tenant.scope.kind]} />
      <AccountsList
        filters={{ ...options, showTeamAndOwner: tenant.scope.kind !== "own" }}
        rows={items}
        sort={query.sort}
        dir={query.dir}
        filtered={filtered}
        tiers={tiers}
        hidden={hidden}
      />
      {total > 0 && <Pagination page={query.page} size={query.size} total={total} sizes={PAGE_SIZES} />}
    </>
  );
}
