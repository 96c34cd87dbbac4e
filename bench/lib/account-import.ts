import { stat } from "node:fs/promises";
import path from "node:path";
import type { TenantContext } from "../../lib/tenant";
import { writeAccountsCsv } from "./csv";
import { sql } from "./database";
import { copyFile, importFile } from "./imports";
import { peakMemory, seconds, timed } from "./measure";
import type { Figure } from "./results";

/**
 * An accounts CSV that updates every account of the organisation through the
 * product's import path (checked, upserted by external id, rule segments and
 * stages placed again, a rescore queued), next to COPY of the same file; then
 * the same file again, as a nightly export that changed nothing comes.
 */
export async function measureAccountImport(
  url: string,
  ctx: TenantContext,
  work: string,
  accounts: number,
  log: (line: string) => void,
): Promise<Figure[]> {
  const file = path.join(work, "accounts.csv");
  const rows = await writeAccountsCsv(file, accounts);
  const size = (await stat(file)).size;
  const imported = await peakMemory(() => timed(() => importFile(ctx, file, "accounts")));
  const lastWrite = `SELECT max("updatedAt") AS at FROM "Account" WHERE "organizationId" = $1`;
  const before = (await sql(url, lastWrite, [ctx.organizationId])).rows[0].at as Date;
  const again = await timed(() => importFile(ctx, file, "accounts"));
  const rewritten = await sql(
    url,
    `SELECT count(*)::int AS n FROM "Account" WHERE "organizationId" = $1 AND "updatedAt" > $2`,
    [ctx.organizationId, before],
  );
  const copy = await timed(() =>
    copyFile(
      url,
      file,
      "bench_copy_accounts",
      "external_id text, name text, arr numeric, seats int, plan text, region text, start_date date, renewal_date date, industry text",
    ),
  );
  const result = imported.result.result;
  log(
    `accounts import ${seconds(imported.result.ms)} (again ${seconds(again.ms)}) vs COPY ${seconds(copy.ms)}; peak RSS ${imported.peakMb.toFixed(0)} MB (${imported.startMb.toFixed(0)} MB before)`,
  );
  const unchanged = again.result;
  return [
    {
      name: `Import of a ${rows.toLocaleString("en-US")}-row accounts CSV (${(size / 1024 / 1024).toFixed(0)} MB) updating every account through the product's import path, rule segments placed again — ${result.accepted.toLocaleString("en-US")} rows accepted (${result.created} new), ${result.rejected} rejected`,
      ours: imported.result.ms,
      baseline: copy.ms,
      baselineName: "PostgreSQL COPY of the same file into a plain table",
      goal: "(context)",
      ratio: imported.result.ms / copy.ms,
      note: `peak RSS of the whole process ${imported.peakMb.toFixed(0)} MB, ${imported.startMb.toFixed(0)} MB when it started`,
    },
    {
      name: `The same accounts file imported again, as a nightly export that changed nothing: each row compared with its stored account, none written, placed again or rescored — ${unchanged.accepted.toLocaleString("en-US")} rows accepted (${unchanged.created} new), ${rewritten.rows[0].n} accounts written`,
      ours: again.ms,
      baseline: copy.ms,
      baselineName: "PostgreSQL COPY of the same file into a plain table",
      goal: "(context)",
      ratio: again.ms / copy.ms,
    },
  ];
}
