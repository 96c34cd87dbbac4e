import type { TestProject } from "vitest/node";
import { resolveDatabase } from "../../lib/db/database-url";
import { migrateDatabase } from "../../lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * One real PostgreSQL for the integration tests: TEST_DATABASE_URL or
 * DATABASE_URL when set, otherwise the embedded test cluster (separate from the
 * demo data). Tests never share an organisation, so they need no cleanup.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
  const database = await resolveDatabase("test");
  await migrateDatabase(database.url);
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.stop();
  };
}
