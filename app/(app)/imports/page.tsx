import type { Metadata } from "next";
import { ImportsTable } from "@/components/imports/imports-table";
import { UploadForm } from "@/components/imports/upload-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageTenant } from "@/lib/auth/page";
import { listImportJobs } from "@/lib/db/imports";

export const metadata: Metadata = { title: "Imports" };

export default async function ImportsPage() {
  const { tenant } = await requirePageTenant("imports:run");
  const jobs = await listImportJobs(tenant);
  return (
    <>
      <PageHeader
        title="Imports"
        description="Bring accounts, metric observations and renewal outcomes in from CSV files."
      />
      <div className="stack">
        <UploadForm />
        <ImportsTable jobs={jobs} />
      </div>
    </>
  );
}
