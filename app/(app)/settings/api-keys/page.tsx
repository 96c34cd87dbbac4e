import type { Metadata } from "next";
import { ApiKeysTable } from "@/components/api-keys/api-keys-table";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageTenant } from "@/lib/auth/page";
import { listApiKeys } from "@/lib/db/api-keys";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const { tenant } = await requirePageTenant("apiKeys:manage");
  const keys = await listApiKeys(tenant);
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Keys for the REST API (<a href="/api/v1/openapi.json">OpenAPI document</a>). Send one as{" "}
            <code>Authorization: Bearer pb_…</code>.
          </>
        }
      />
      <div className="stack">
        <CreateApiKeyForm />
        <ApiKeysTable keys={keys} />
      </div>
    </>
  );
}
