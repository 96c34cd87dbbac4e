import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { applyMigrations } from "./schema-engine";

/**
 * The pg adapter runs a migration script one statement at a time, split at every
 * ";" — which cuts a function body apart. This one sends the script whole, as one
 * simple query: PostgreSQL parses it properly and runs it in one implicit transaction.
 */
class WholeScriptPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver() as pg.Pool;
    adapter.executeScript = async (script: string) => {
      await pool.query(script);
    };
    return adapter;
  }
}

/** Applies the committed migrations to the database at `url`; returns the names applied. */
export async function migrateDatabase(url: string): Promise<string[]> {
  return applyMigrations(new WholeScriptPg({ connectionString: url }));
}
