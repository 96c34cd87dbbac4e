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
