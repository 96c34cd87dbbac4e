"use client";

import { useState, useTransition } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { SwitchAndDelete } from "@/components/ui/switch-delete";
import { TableCard } from "@/components/ui/table-card";
import { deleteWebhookAction, sendTestWebhookAction, toggleWebhookAction } from "@/lib/actions/webhooks";
import { EVENT_LABELS } from "./webhook-form";
import { TableHead } from "@/components/ui/table-head";

interface Hook {
  id: string;
  name: string;
  url: string;
  events: string[];
  enabled: boolean;
  secret: string;
  delivered: number;
  failed: number;
  pending: number;
}

export function WebhooksTable({ hooks }: { hooks: Hook[] }) {
  const [pending, start] = useTransition();
  const [shown, setShown] = useState<string | null>(null);
  const [result, setResult] = useState<{ id: string; ok: boolean; text: string } | null>(null);
  if (hooks.length === 0)
    return (
      <div className="card">
        <EmptyState title="No webhooks yet">
          Add one below to send alerts and tier changes to another system, signed so it can trust them.
        </EmptyState>
      </div>
    );
  const test = (id: string) =>
    start(async () => {
      const r = await sendTestWebhookAction({ webhookId: id });
      if (!r.ok) return setResult({ id, ok: false, text: r.error.message });
      setResult({
        id,
        ok: r.data.ok,
        text: r.data.ok ? `Delivered (HTTP ${r.data.statusCode})` : `Failed: ${r.data.error}`,
      });
    });
  return (
    <TableCard caption="Webhooks">
      <TableHead
        columns={["Webhook", "Events", "Secret", { label: "Delivered / failed / waiting (7 d)", num: true }, "Status"]}
        actions
      />
      <tbody>
        {hooks.map((h) => (
          <tr key={h.id}>
            <td>
              <div>{h.name || "Webhook"}</div>
              <div className="muted small">{h.url}</div>
            </td>
            <td>{h.events.map((e) => EVENT_LABELS[e] ?? e).join(", ")}</td>
            <td>
              {shown === h.id ? (
                <code>{h.secret}</code>
              ) : (
                <button className="btn" type="button" onClick={() => setShown(h.id)}>
                  Show secret
                </button>
              )}
            </td>
            <td className="num">
              {h.delivered} / {h.failed} / {h.pending}
            </td>
            <td>
              {h.enabled ? <span className="badge badge-ok">On</span> : <span className="badge badge-muted">Off</span>}
            </td>
            <td>
              <div className="row">
                <button className="btn" type="button" disabled={pending} onClick={() => test(h.id)}>
                  Send test
                </button>
                <SwitchAndDelete
                  enabled={h.enabled}
                  confirm={`Delete "${h.name}" and its delivery log?`}
                  onToggle={() => toggleWebhookAction({ webhookId: h.id, enabled: !h.enabled })}
                  onDelete={() => deleteWebhookAction({ webhookId: h.id })}
                />
              </div>
              {result?.id === h.id && (
                <div role="status" className={result.ok ? "small" : "small field-error"}>
                  {result.text}
                </div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </TableCard>
  );
}
