"use client";

import { useState, useTransition } from "react";
import { TableCard } from "@/components/ui/table-card";
import { revokeInvitationAction } from "@/lib/actions/members";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { PendingInvitation } from "@/lib/db/invitations";
import { formatDateTime } from "@/lib/format";
import { TableHead } from "@/components/ui/table-head";

/** A pending invitation as the page passes it (its expiry as ISO text). */
export type InvitationRow = Omit<PendingInvitation, "expiresAt"> & { expiresAt: string };

/** Invitations not accepted yet; an admin revokes one to stop its link (adding the person again sends a new one). */
export function InvitationsTable({ invitations, manage }: { invitations: InvitationRow[]; manage: boolean }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  if (invitations.length === 0) return null;
  return (
    <>
      <TableCard caption="Invitations not accepted yet">
        <TableHead columns={["Invited", "Role", "Team", "Invited by", "Link works until"]} actions={manage} />
        <tbody>
          {invitations.map((i) => (
            <tr key={i.id} data-email={i.email}>
              <td className="wrap">
                {i.name || i.email}
                {i.name && <div className="muted">{i.email}</div>}
              </td>
              <td>{ROLE_LABELS[i.role]}</td>
              <td>{i.team ?? "—"}</td>
              <td>{i.invitedBy}</td>
              <td>{i.expired ? <span className="badge badge-muted">Expired</span> : formatDateTime(i.expiresAt)}</td>
              {manage && (
                <td>
                  <button
                    className="btn btn-sm btn-danger"
                    type="button"
                    disabled={pending}
                    aria-label={`Revoke the invitation of ${i.email}`}
                    onClick={() =>
                      startTransition(async () => {
                        const result = await revokeInvitationAction({ invitationId: i.id });
                        setError(result.ok ? null : result.error.message);
                      })
                    }
                  >
                    Revoke
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </TableCard>
      {error && (
        <div role="alert" className="alert alert-error">
          {error}
        </div>
      )}
    </>
  );
}
