import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime, formatNumber } from "@/lib/format";
import { ImportStatusBadge } from "./status-badge";
import { TableCard } from "@/components/ui/table-card";

interface Job {
  id: string;
  kind: string;
  status: string;
  fileName: string;
  acceptedRows: number;
  newRows: number | null;
  rejectedRows: number;
  createdAt: string;
}

export function ImportsTable({ jobs }: { jobs: Job[] }) {
  if (jobs.length === 0) {
    return (
      <div className="card">
        <EmptyState title="No imports yet">
          Upload a CSV above; nothing is written until you review and commit it.
        </EmptyState>
      </div>
    );
  }
  return (
    <TableCard caption="Recent imports">
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">Kind</th>
          <th scope="col">Status</th>
          <th scope="col" className="num">
            Accepted
          </th>
          <th scope="col" className="num">
            New
          </th>
          <th scope="col" className="num">
            Rejected
          </th>
          <th scope="col">Uploaded</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((j) => (
          <tr key={j.id}>
            <td>
              <Link href={`/imports/${j.id}`}>{j.fileName}</Link>
            </td>
            <td>{j.kind}</td>
            <td>
              <ImportStatusBadge status={j.status} />
            </td>
            <td className="num">{j.status === "committed" ? formatNumber(j.acceptedRows) : "—"}</td>
            <td className="num">{j.status === "committed" ? formatNumber(j.newRows) : "—"}</td>
            <td className="num">
              {j.status === "committed" || (j.status === "failed" && j.rejectedRows > 0)
                ? j.rejectedRows.toLocaleString("en-US")
                : "—"}
            </td>
            <td>{formatDateTime(j.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </TableCard>
  );
}
