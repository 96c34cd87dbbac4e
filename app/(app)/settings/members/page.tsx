import type { Metadata } from "next";
import { AddMemberForm } from "@/components/members/add-member-form";
import { MembersTable } from "@/components/members/members-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageTenant } from "@/lib/auth/page";
import { can, canAssignRole, ROLES } from "@/lib/auth/permissions";
import { listMembers } from "@/lib/db/memberships";
import { listTeams } from "@/lib/db/teams";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const { tenant } = await requirePageTenant("members:read");
  const [members, teams] = await Promise.all([listMembers(tenant), listTeams(tenant)]);
  const manage = can(tenant.role, "members:manage");
  const assignable = ROLES.filter((r) => canAssignRole(tenant.role, r));
  return (
    <>
      <PageHeader title="Members" description={`${members.length} people in this organisation.`} />
      <div className="stack">
        {manage && <AddMemberForm teams={teams} roles={assignable} />}
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
