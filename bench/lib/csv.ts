import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { METRICS } from "./synthetic";

/** A 1M-row observations CSV (accounts × days, one metric per row) like an integration would export. */
export async function writeObservationsCsv(path: string, accounts: number, perAccount: number): Promise<number> {
  const out = createWriteStream(path);
  out.write("account_external_id,metric,observed_at,value\n");
  let rows = 0;
  for (let a = 1; a <= accounts; a++) {
    let chunk = "";
    for (let k = 0; k < perAccount; k++) {
      const day = new Date(Date.UTC(2026, 0, 1 + k)).toISOString().slice(0, 10);
      chunk += `BENCH-${String(a).padStart(6, "0")},m${String((a + k) % METRICS).padStart(2, "0")},${day}T06:00:00Z,${((a * 31 + k * 17) % 10000) / 100}\n`;
      rows++;
    }
    if (!out.write(chunk)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return rows;
}

/**
 * An accounts CSV updating every synthetic account, as a nightly CRM export
 * would: new names, ARR (about a third cross the segments' 100,000 line), seats,
 * plan, region, dates and a custom trait.
 */
export async function writeAccountsCsv(path: string, accounts: number): Promise<number> {
  const out = createWriteStream(path);
  out.write("external_id,name,arr,seats,plan,region,start_date,renewal_date,industry\n");
  for (let a = 1; a <= accounts; a++) {
    const start = new Date(Date.UTC(2024, 0, 1 + (a % 700))).toISOString().slice(0, 10);
    const renewal = new Date(Date.UTC(2027, 0, 1 + (a % 365))).toISOString().slice(0, 10);
    const line = `BENCH-${String(a).padStart(6, "0")},Account ${a} Ltd,${1000 + ((a * 104_729) % 400_000)},${12 + (a % 480)},${["growth", "pro", "enterprise"][a % 3]},${["emea", "amer", "apac"][a % 3]},${start},${renewal},${["software", "retail", "health"][a % 3]}\n`;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return accounts;
}
