import type { Metadata } from "next";
import { AddMemberForm } from "@/components/members/add-member-form";
import { InvitationsTable } from "@/components/members/invitations-table";
import { MembersTable } from "@/components/members/members-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageTenant } from "@/lib/auth/page";
import { can, canAssignRole, ROLES } from "@/lib/auth/permissions";
import { listPendingInvitations } from "@/lib/db/invitations";
import { listMembers } from "@/lib/db/memberships";
import { listTeams } from "@/lib/db/teams";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const { tenant } = await requirePageTenant("members:read");
  const [members, teams, invitations] = await Promise.all([
    listMembers(tenant),
    listTeams(tenant),
    listPendingInvitations(tenant),
  ]);
  const manage = can(tenant.role, "members:manage");
  const assignable = ROLES.filter((r) => canAssignRole(tenant.role, r));
  return (
    <>
      <PageHeader title="Members" description={`${members.length} people in this organisation.`} />
      <div className="stack">
        {manage && <AddMemberForm teams={teams} roles={assignable} />}
        {invitations.length > 0 && (
          <section className="stack" aria-labelledby="invitations-heading" style={{ gap: 8 }}>
            <h2 id="invitations-heading">Invitations not accepted yet</h2>
            <InvitationsTable
              manage={manage}
              invitations={invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() }))}
            />
          </section>
        )}
        <MembersTable
          members={members}
          teams={teams}
          roles={assignable}
          manage={manage}
          currentUserId={tenant.userId}
        />
      </div>
    </>
  );
}
