import { spawn, type ChildProcess } from "node:child_process";
import { gzipSync } from "node:zlib";

/** The production server the page benchmark loads, as `npm start` runs it, on a port of its own. */
export const PORT = Number(process.env.BENCH_PORT ?? 3200);
export const PASSWORD = "bench-pages-password";

/**
 * Starts the app as `npm start` does and waits until every web process listens
 * (the server says how many) and the login page answers.
 */
export async function startServer(url: string): Promise<{ server: ChildProcess; processes: number }> {
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(PORT), PULSEBOARD_NO_DEMO: "1", PULSEBOARD_NO_WORKER: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let processes = 0;
  server.stdout!.on("data", (chunk: Buffer) => {
    const ready = /Ready on \S+ \((\d+) web process/.exec(chunk.toString());
    if (ready) processes = Number(ready[1]);
  });
  for (let i = 0; i < 900; i++) {
    const ok =
      processes > 0 &&
      (await fetch(`http://localhost:${PORT}/login`).then(
        (r) => r.ok,
        () => false,
      ));
    if (ok) return { server, processes };
    await new Promise((r) => setTimeout(r, 1000));
  }
  server.kill();
  throw new Error("the server did not start");
}

/** Signs in through next-auth's credentials endpoint, as the login form does; returns the cookie header. */
export async function signIn(email: string): Promise<string> {
  const base = `http://localhost:${PORT}`;
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = new Map<string, string>();
  const keep = (r: Response) =>
    r.headers.getSetCookie().forEach((c) => {
      const [pair] = c.split(";");
      const [k, v] = pair!.split("=");
      jar.set(k!, v!);
    });
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const login = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
  });
  keep(login);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error("sign-in failed");
  return cookie();
}

/** The gzipped size of every script a page's HTML loads. */
export async function firstLoadJsKb(html: string): Promise<number> {
  const base = `http://localhost:${PORT}`;
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!))];
  let bytes = 0;
  for (const src of sources)
    bytes += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).length;
  return bytes / 1024;
}
