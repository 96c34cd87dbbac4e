import { CLUSTERS, ensureEmbeddedPostgres } from "./embedded-postgres";

/**
 * Resolves the database for a command-line entry point: DATABASE_URL when set,
 * otherwise the embedded cluster (started on demand). Keep the returned `stop`
 * for when the process is done with the database (`stopsLast`: see
 * ensureEmbeddedPostgres).
 */
export async function resolveDatabase(
  purpose: "app" | "test",
  database = purpose === "app" ? "pulseboard" : "pulseboard_test",
  options: { stopsLast?: boolean } = {},
): Promise<{ url: string; embedded: boolean; stop: () => Promise<void> }> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) return { url: fromEnv, embedded: false, stop: async () => {} };
  const { url, stop } = await ensureEmbeddedPostgres(CLUSTERS[purpose], database, options);
  return { url, embedded: true, stop };
}
