/**
 * Which web process gets the next connection: the ready one with the fewest open
 * connections, turn about among equals. Browsers keep a connection open for many
 * requests, so a process keeps whatever share of the users it was handed; handing
 * out connections in plain turns, as Node's cluster module does, gave one process
 * six, seven or eight of ten users arriving together (a process takes its next
 * turn only once it has acknowledged its last), and their pages took twice as long
 * as the other process's while it sat idle.
 *
 * Bookkeeping only: the web server (scripts/web-server.mjs) tells it what happens.
 */
export function createConnectionBalancer() {
  /** @type {Map<number, { ready: boolean; open: number }>} */
  const processes = new Map();
  let turn = 0;

  return {
    /** A process that started; it takes connections once ready. */
    add(id) {
      processes.set(id, { ready: false, open: 0 });
    },
    ready(id) {
      const p = processes.get(id);
      if (p) p.ready = true;
    },
    /** A process that exited: its connections went with it. */
    remove(id) {
      processes.delete(id);
    },
    closed(id) {
      const p = processes.get(id);
      if (p && p.open > 0) p.open--;
    },
    /** Picks the process for a new connection and counts it there; null when none is ready. */
    assign() {
      const ids = [...processes.keys()];
      let best = null;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[(turn + i) % ids.length];
        const p = processes.get(id);
        if (p.ready && (best === null || p.open < processes.get(best).open)) best = id;
      }
      if (best === null) return null;
      processes.get(best).open++;
      turn = (ids.indexOf(best) + 1) % ids.length;
      return best;
    },
    /** Open connections per ready process (for tests and logs). */
    load() {
      return Object.fromEntries([...processes].filter(([, p]) => p.ready).map(([id, p]) => [id, p.open]));
    },
  };
}
