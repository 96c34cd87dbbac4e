import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import type { MemberRow } from "@/lib/db/memberships";
import { MemberActions } from "./member-actions";
import { TableCard } from "@/components/ui/table-card";

interface Props {
  members: MemberRow[];
  teams: { id: string; name: string }[];
  roles: readonly Role[];
  manage: boolean;
  currentUserId: string;
}

export function MembersTable({ members, teams, roles, manage, currentUserId }: Props) {
  return (
    <TableCard caption="Members">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Role</th>
          <th scope="col">Team</th>
          <th scope="col" className="num">
            Accounts
          </th>
          <th scope="col">Status</th>
          {manage && <th scope="col">Manage</th>}
        </tr>
      </thead>
      <tbody>
        {members.map((m) => {
          const editable = manage && m.userId !== currentUserId && roles.includes(m.role);
          return (
            <tr key={m.userId} data-email={m.email}>
              <td>
                <div>{m.name}</div>
                <div className="muted" style={{ fontSize: 12 }}>
                  {m.email}
                </div>
              </td>
              <td>{ROLE_LABELS[m.role]}</td>
              <td>{m.teams.map((t) => t.name).join(", ") || "—"}</td>
              <td className="num">{m.accounts}</td>
              <td>
                {m.disabled ? (
                  <span className="badge badge-muted">Deactivated</span>
                ) : (
                  <span className="badge badge-ok">Active</span>
                )}
              </td>
              {manage && (
                <td>
                  {editable ? (
                    <MemberActions member={m} teams={teams} roles={roles} />
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </TableCard>
  );
}
