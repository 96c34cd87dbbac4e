/** Applies the committed migrations: `npm run db:migrate` (DATABASE_URL or the embedded database). */
import { resolveDatabase } from "../lib/db/database-url";
import { migrateDatabase } from "../lib/db/migrate";

async function main() {
  const db = await resolveDatabase("app");
  try {
    const applied = await migrateDatabase(db.url);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
  } finally {
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
