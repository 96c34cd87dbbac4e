import { redirect } from "next/navigation";
import { NavLinks, type NavItem } from "@/components/shell/nav-links";
import { OrgSwitcher } from "@/components/shell/org-switcher";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { getRequestContext } from "@/lib/auth/context";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { countWaitingAlerts } from "@/lib/db/alert-inbox";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const context = await getRequestContext();
  if (!context) redirect("/login");
  if (!context.tenant) redirect("/no-organization");
  const { tenant, principal } = context;
  const worksAlerts = can(tenant.role, "alerts:work");
  const waiting = worksAlerts ? await countWaitingAlerts(tenant) : 0;
  const items: NavItem[] = [
    { href: "/portfolio", label: "Overview", section: "Portfolio" },
    { href: "/at-risk", label: "At risk", section: "Portfolio" },
    ...(worksAlerts
      ? [
          { href: "/alerts", label: "Alerts", section: "Portfolio", count: { value: waiting, label: "open" } },
          { href: "/digest", label: "Digest", section: "Portfolio" },
        ]
      : []),
    ...(can(tenant.role, "trends:read") ? [{ href: "/trends", label: "Trends", section: "Portfolio" }] : []),
    { href: "/accounts", label: "Accounts", section: "Portfolio" },
    ...(can(tenant.role, "imports:run") ? [{ href: "/imports", label: "Imports", section: "Data" }] : []),
    ...(can(tenant.role, "members:read") ? [{ href: "/settings/members", label: "Members", section: "Settings" }] : []),
    ...(can(tenant.role, "models:read")
      ? [
          { href: "/settings/scoring", label: "Scoring", section: "Settings" },
          { href: "/settings/scorecards", label: "Scorecards", section: "Settings" },
          { href: "/settings/metrics", label: "Metrics", section: "Settings" },
          { href: "/settings/segments", label: "Segments", section: "Settings" },
        ]
      : []),
    ...(can(tenant.role, "alertRules:manage")
      ? [{ href: "/settings/alerts", label: "Alert rules", section: "Settings" }]
      : []),
    ...(can(tenant.role, "webhooks:manage")
      ? [{ href: "/settings/webhooks", label: "Webhooks", section: "Settings" }]
      : []),
    ...(can(tenant.role, "apiKeys:manage")
      ? [{ href: "/settings/api-keys", label: "API keys", section: "Settings" }]
      : []),
    ...(can(tenant.role, "audit:read") ? [{ href: "/settings/audit", label: "Audit log", section: "Settings" }] : []),
    { href: "/settings/profile", label: "Profile", section: "Settings" },
  ];
  return (
    <div className="shell">
      <aside className="sidebar" aria-label="Main">
        <div className="brand">
          <span className="brand-dot" aria-hidden="true" /> Pulseboard
        </div>
        <OrgSwitcher
          current={tenant.organizationId}
          organizations={principal.memberships.map((m) => ({ id: m.organizationId, name: m.organizationName }))}
        />
        <NavLinks items={items} />
        <div className="sidebar-footer">
          <div>
            <div className="who">{principal.user.name}</div>
            <div className="role">
              {ROLE_LABELS[tenant.role]} · {context.organizationName}
            </div>
          </div>
          <SignOutButton />
        </div>
      </aside>
      <main className="main" id="main">
        {children}
      </main>
    </div>
  );
}
