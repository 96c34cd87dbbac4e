/**
 * Generates a migration folder from the change between the committed migrations
 * and prisma/schema.prisma: `npm run db:migration -- <name>`.
 * The migrations are replayed into a throwaway in-memory PostgreSQL (PGlite),
 * which the WASM schema engine can describe, and diffed against the schema.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { MIGRATIONS_DIR, diffMigrationsToSchema } from "../lib/db/schema-engine";

async function main() {
  const name = (process.argv[2] ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
  if (!name) {
    console.error("usage: npm run db:migration -- <name>   (e.g. add_account_health_notes)");
    process.exit(2);
  }
  const shadow = new PGlite();
  const sql = await diffMigrationsToSchema(new PrismaPGlite(shadow));
  await shadow.close();
  if (sql === null) {
    console.log("The schema matches the committed migrations; nothing to generate.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), sql);
  await writeFile(
    path.join(MIGRATIONS_DIR, "migration_lock.toml"),
    '# Managed by scripts/db-new-migration.ts\nprovider = "postgresql"\n',
  );
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql — review it and commit it.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
