import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/profile/change-password-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageTenant } from "@/lib/auth/page";
import { ROLE_LABELS } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const { principal } = await requirePageTenant("profile:manage");
  return (
    <>
      <PageHeader title="Profile" description={`${principal.user.name} · ${principal.user.email}`} />
      <div className="grid grid-2">
        <section className="card" aria-labelledby="orgs-heading">
          <h2 id="orgs-heading">Your organisations</h2>
          <ul>
            {principal.memberships.map((m) => (
              <li key={m.organizationId}>
                {m.organizationName} — {ROLE_LABELS[m.role]}
              </li>
            ))}
          </ul>
        </section>
        <ChangePasswordForm />
      </div>
    </>
  );
}
