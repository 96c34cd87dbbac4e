import pg from "pg";
import { pool } from "./client";

/** The channel on which the web server tells the worker that work is queued: an import to commit, a recompute. */
const CHANNEL = "pulseboard_work";

/**
 * Tells the worker that work is queued, so it starts now rather than at its next
 * look. Sent after the queueing statement has committed, naming the organisation
 * whose work it is; a worker that misses it (not running, reconnecting) still
 * finds the work when it next looks.
 */
export async function signalQueuedWork(organizationId: string): Promise<void> {
  await pool()
    .query("SELECT pg_notify($1, $2)", [CHANNEL, organizationId])
    .catch((error: Error) =>
      console.error(`Could not signal queued work (the worker finds it later): ${error.message}`),
    );
}

/**
 * Calls `onWork` whenever work is signalled (with the organisation it is for), on
 * a connection of its own that holds `LISTEN`, and once when it starts listening
 * (with null: work of anyone's may have been queued before). A lost connection is
 * opened again after `reconnectMs`. `stop` closes it.
 */
export function listenForQueuedWork(
  onWork: (organizationId: string | null) => void,
  log: (line: string) => void = console.error,
  reconnectMs = 5_000,
) {
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let stopped = false;

  const reconnect = (reason: string) => {
    if (stopped || retry) return;
    log(`listening for queued work failed (${reason}); trying again in ${reconnectMs / 1000} s`);
    client?.removeAllListeners();
    void client?.end().catch(() => {});
    client = null;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, reconnectMs);
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: process.env.DATABASE_URL });
    client = next;
    next.on("notification", (message) => {
      if (message.channel === CHANNEL) onWork(message.payload || null);
    });
    next.on("error", (error) => reconnect(error.message));
    next.on("end", () => reconnect("the connection closed"));
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
      // Work queued while no one listened is not lost: the caller looks once now.
      onWork(null);
    } catch (error) {
      reconnect(error instanceof Error ? error.message : String(error));
    }
  };

  void connect();
  return {
    stop: async () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      const open = client;
      client = null;
      open?.removeAllListeners();
      await open?.end().catch(() => {});
    },
  };
}
