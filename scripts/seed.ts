/** Loads the demo organisations: `npm run db:seed` (add `-- --reset` to start over). */
import { disconnectDb } from "../lib/db/client";
import { resolveDatabase } from "../lib/db/database-url";
import { migrateDatabase } from "../lib/db/migrate";
import { formatLogins, seedDemo } from "../lib/services/demo-seed";

async function main() {
  const database = await resolveDatabase("app");
  process.env.DATABASE_URL = database.url;
  try {
    await migrateDatabase(database.url);
    const result = await seedDemo({ reset: process.argv.includes("--reset"), log: console.log });
    if (!result.created) console.log("Demo data already loaded (use --reset to reload).");
    console.log(formatLogins(result.logins));
  } finally {
    await disconnectDb();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
