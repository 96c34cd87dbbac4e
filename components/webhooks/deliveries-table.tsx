import { TableCard } from "@/components/ui/table-card";
import { formatDateTime } from "@/lib/format";
import { EVENT_LABELS } from "./webhook-form";

interface Delivery {
  id: string;
  event: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
  webhook: { name: string; url: string };
}

const LOOK: Record<string, string> = {
  delivered: "badge badge-ok",
  failed: "badge badge-danger",
  pending: "badge badge-warn",
  sending: "badge",
};

/** The delivery log: every event sent, its attempts and what the receiver answered. */
export function DeliveriesTable({ deliveries }: { deliveries: Delivery[] }) {
  if (deliveries.length === 0) return null;
  return (
    <TableCard caption="Latest deliveries">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Webhook</th>
          <th scope="col">Event</th>
          <th scope="col">Status</th>
          <th scope="col" className="num">
            Attempts
          </th>
          <th scope="col">Last answer</th>
        </tr>
      </thead>
      <tbody>
        {deliveries.map((d) => (
          <tr key={d.id}>
            <td>{formatDateTime(d.createdAt)}</td>
            <td>{d.webhook.name || d.webhook.url}</td>
            <td>{EVENT_LABELS[d.event] ?? d.event}</td>
            <td>
              <span className={LOOK[d.status] ?? "badge"}>{d.status}</span>
              {d.nextAttemptAt && <div className="muted small">retry {formatDateTime(d.nextAttemptAt)}</div>}
            </td>
            <td className="num">{d.attempts}</td>
            <td>{d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : (d.lastError ?? "—")}</td>
          </tr>
        ))}
      </tbody>
    </TableCard>
  );
}
