"use client";

import { Options } from "@/components/ui/options";
import {
  changeMemberRoleAction,
  changeMemberTeamAction,
  removeMemberAction,
  setMemberActiveAction,
} from "@/lib/actions/members";
import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import type { MemberRow } from "@/lib/db/memberships";
import { ActionError } from "@/components/ui/field-error";
import { useAction } from "@/components/ui/use-action";

export function MemberActions({
  member,
  teams,
  roles,
}: {
  member: MemberRow;
  teams: { id: string; name: string }[];
  roles: readonly Role[];
}) {
  const { pending, error, run } = useAction();
  const userId = member.userId;
  return (
    <div aria-busy={pending}>
      {/* The controls stay on one line; a refusal shows beneath them. */}
      <div className="row nowrap">
        <label>
          <span className="sr-only">Role of {member.name}</span>
          <select
            className="input input-sm"
            value={member.role}
            disabled={pending}
            onChange={(e) => run(() => changeMemberRoleAction({ userId, role: e.target.value as Role }))}
          >
            <Options items={roles.map((r) => ({ id: r, name: ROLE_LABELS[r] }))} />
          </select>
        </label>
        <label>
          <span className="sr-only">Team of {member.name}</span>
          <select
            className="input input-sm"
            value={member.teams[0]?.id ?? ""}
            disabled={pending}
            onChange={(e) => run(() => changeMemberTeamAction({ userId, teamId: e.target.value }))}
          >
            <Options items={teams} empty="No team" />
          </select>
        </label>
        <button
          className="btn btn-sm"
          type="button"
          disabled={pending}
          onClick={() => run(() => setMemberActiveAction({ userId, active: member.disabled }))}
        >
          {member.disabled ? "Reactivate" : "Deactivate"}
        </button>
        <button
          className="btn btn-sm btn-danger"
          type="button"
          disabled={pending}
          onClick={() => {
            if (window.confirm(`Remove ${member.name} from this organisation? Their accounts become unassigned.`))
              run(() => removeMemberAction({ userId }));
          }}
        >
          Remove
        </button>
      </div>
      <ActionError message={error} />
    </div>
  );
}
