import type { Metadata } from "next";
import { z } from "zod";
import { Pagination } from "@/components/data-table/pagination";
import { ImportsTable } from "@/components/imports/imports-table";
import { UploadForm } from "@/components/imports/upload-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageTenant } from "@/lib/auth/page";
import { IMPORTS_PAGE_SIZE, listImportJobs } from "@/lib/db/imports";

export const metadata: Metadata = { title: "Imports" };

const querySchema = z.object({ page: z.coerce.number().int().min(1).default(1).catch(1) });

export default async function ImportsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { tenant } = await requirePageTenant("imports:run");
  const { page } = querySchema.parse(await searchParams);
  const { items, total } = await listImportJobs(tenant, page);
  return (
    <>
      <PageHeader
        title="Imports"
        description="Bring accounts, metric observations and renewal outcomes in from CSV files."
      />
      <div className="stack">
        <UploadForm />
        <ImportsTable jobs={items} />
        {total > IMPORTS_PAGE_SIZE && (
          <Pagination page={page} size={IMPORTS_PAGE_SIZE} total={total} sizes={[IMPORTS_PAGE_SIZE]} />
        )}
      </div>
    </>
  );
}
