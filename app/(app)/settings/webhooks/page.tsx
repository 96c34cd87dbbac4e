import type { Metadata } from "next";
import { DeliveriesTable } from "@/components/webhooks/deliveries-table";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { WebhooksTable } from "@/components/webhooks/webhooks-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageTenant } from "@/lib/auth/page";
import { listDeliveries, listWebhooks } from "@/lib/db/webhooks";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const { tenant } = await requirePageTenant("webhooks:manage");
  const [hooks, deliveries] = await Promise.all([listWebhooks(tenant), listDeliveries(tenant)]);
  return (
    <>
      <PageHeader
        title="Webhooks"
        description={
          <>
            Pulseboard POSTs JSON for alerts raised and resolved and for tier changes, signed in the{" "}
            <code>Pulseboard-Signature</code> header (<code>t=…,v1=HMAC-SHA256(secret, t + &quot;.&quot; + body)</code>
            ). Failed deliveries are retried after 1, 4, 16, 64 and 256 minutes.
          </>
        }
      />
      <div className="stack">
        <WebhooksTable hooks={hooks} />
        <WebhookForm />
        <DeliveriesTable deliveries={deliveries} />
      </div>
    </>
  );
}
