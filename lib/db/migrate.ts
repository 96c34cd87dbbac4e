import { PrismaPg } from "@prisma/adapter-pg";
import { applyMigrations } from "./schema-engine";

/** Applies the committed migrations to the database at `url`; returns the names applied. */
export async function migrateDatabase(url: string): Promise<string[]> {
  return applyMigrations(new PrismaPg({ connectionString: url }));
}
