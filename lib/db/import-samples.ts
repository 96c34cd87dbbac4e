import { db } from "./client";

/** Real names from the organisation for an import template's example rows: an account, the metrics, a CSM, a team. */
export async function loadImportSamples(organizationId: string) {
  const [account, metrics, csm, team] = await Promise.all([
    db().account.findFirst({
      where: { organizationId, status: "active" },
      orderBy: { externalId: "asc" },
      select: { externalId: true },
    }),
    db().metricDefinition.findMany({
      where: { organizationId, retiredAt: null },
      orderBy: { key: "asc" },
      select: { key: true, valueType: true, options: true },
    }),
    db().membership.findFirst({
      where: { organizationId, role: "csm", disabledAt: null },
      orderBy: { createdAt: "asc" },
      select: { user: { select: { email: true } } },
    }),
    db().team.findFirst({ where: { organizationId }, orderBy: { name: "asc" }, select: { name: true } }),
  ]);
  return {
    accountId: account?.externalId ?? null,
    metrics,
    csmEmail: csm?.user.email ?? null,
    team: team?.name ?? null,
  };
}
