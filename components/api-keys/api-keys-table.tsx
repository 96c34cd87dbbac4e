"use client";

import { useTransition } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { revokeApiKeyAction } from "@/lib/actions/api-keys";
import { formatDateTime } from "@/lib/format";
import { TableCard } from "@/components/ui/table-card";

interface Key {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function ApiKeysTable({ keys }: { keys: Key[] }) {
  const [pending, startTransition] = useTransition();
  if (keys.length === 0) {
    return (
      <div className="card">
        <EmptyState title="No API keys yet">Create one above to push data in or pull scores out.</EmptyState>
      </div>
    );
  }
  return (
    <TableCard caption="API keys">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Key</th>
          <th scope="col">Scopes</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => (
          <tr key={k.id}>
            <td>{k.name}</td>
            <td>
              <code>pb_{k.prefix}_…</code>
            </td>
            <td>{k.scopes.join(", ")}</td>
            <td>{formatDateTime(k.createdAt)}</td>
            <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : "Never"}</td>
            <td>
              {k.revokedAt ? (
                <span className="badge badge-muted">Revoked</span>
              ) : (
                <button
                  className="btn btn-danger"
                  type="button"
                  disabled={pending}
                  onClick={() => {
                    if (window.confirm(`Revoke "${k.name}"? Anything using it stops working at once.`))
                      startTransition(async () => void (await revokeApiKeyAction({ id: k.id })));
                  }}
                >
                  Revoke
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </TableCard>
  );
}
