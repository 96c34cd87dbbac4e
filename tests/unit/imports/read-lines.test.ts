import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectCsvFormat } from "@/lib/services/imports/csv-format";
import { readLines } from "@/lib/services/imports/csv-stream";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pb-read-lines-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("reading a file's lines again for the rejection report", () => {
  it("gives each asked line as CSV, however many are asked", async () => {
    // A corrected re-import of a large file can leave out every row: far more lines than a call's arguments hold.
    const rows = 200_000;
    const file = path.join(dir, "many.csv");
    const body = Array.from({ length: rows }, (_, i) => `A-${i},csat,2026-06-01,${i % 5}`);
    await writeFile(file, ["account,metric,date,value", ...body, 'A-x,"note, with comma",2026-06-01,1'].join("\n"));
    const asked = new Set(Array.from({ length: rows + 1 }, (_, i) => i + 2));
    const found = await readLines(file, await detectCsvFormat(file), asked);
    expect(found.size).toBe(rows + 1);
    expect(found.get(2)).toBe("A-0,csat,2026-06-01,0");
    expect(found.get(rows + 2)).toBe('A-x,"note, with comma",2026-06-01,1');
  });
});
