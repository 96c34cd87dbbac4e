/**
 * `npm run bench:pages`: on a throwaway database, a 100k-account organisation with
 * a year of daily snapshots and rollups; the production server renders the
 * overview, the at-risk list and an account page for 10 concurrent signed-in
 * users. Each p95 is printed next to the time of the same reads done directly
 * (SQL through the same services, same concurrency); first-load JavaScript per
 * route is measured from the served HTML. Results go to bench/RESULTS.md.
 */
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { hashPassword } from "../lib/auth/password";
import { db, disconnectDb, readRows } from "../lib/db/client";
import { migrateDatabase } from "../lib/db/migrate";
import { createPublishedScorecard } from "../lib/db/scorecards";
import { createAuthSession, loadSessionPrincipal } from "../lib/db/sessions";
import { rebuildRollups } from "../lib/db/score-writes";
import { loadAccountPage } from "../lib/services/dashboards/account-page";
import { loadAtRisk } from "../lib/services/dashboards/at-risk";
import { loadOverview } from "../lib/services/dashboards/overview";
import { recomputeOrganization } from "../lib/services/scoring/recompute";
import type { TenantContext } from "../lib/tenant";
import { accountStoryQuerySchema, atRiskQuerySchema, overviewQuerySchema } from "../lib/validation/dashboards";
import { createThrowawayDatabase, keptDatabase, sql } from "./lib/database";
import { CPU_CALLS, cpuPerCall, processTreeCpuMs, seconds, timed } from "./lib/measure";
import { measureNextDay } from "./lib/next-day";
import { measureRulePreview } from "./lib/rule-preview";
import { pageClient } from "./lib/page-client";
import { firstLoadJsKb, PASSWORD, PORT, signIn, startServer } from "./lib/page-server";
import { machine, writeSection } from "./lib/results";
import { benchModel, createSyntheticOrganization } from "./lib/synthetic";

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const USERS = Number(process.env.BENCH_USERS ?? 10);
const REQUESTS_PER_USER = Number(process.env.BENCH_REQUESTS ?? 20);
const DAY = 86_400_000;
const KEEP = process.env.BENCH_KEEP === "1";
const WARM_ROUND = 10;
const MAX_WARM_ROUNDS = 15;
const SETTLED = 0.05;
const KEPT_NAME = "pulseboard_pages_kept";

/** A year of history from today's real snapshots: scores drift per account and day; tiers follow the scores. */
async function writeHistory(url: string, organizationId: string, scorecardId: string, today: string) {
  const tier = (x: string) => `CASE WHEN ${x} < 40 THEN 'at_risk' WHEN ${x} < 70 THEN 'neutral' ELSE 'healthy' END`;
  for (let from = 1; from < DAYS; from += 30) {
    const to = Math.min(DAYS - 1, from + 29);
    await sql(
      url,
      `INSERT INTO "ScoreSnapshot" ("organizationId", "scorecardId", "accountId", "day", "modelVersionId", "variantKey", "score", "tierKey", "coverage")
       SELECT s."organizationId", s."scorecardId", s."accountId", s."day" - g, s."modelVersionId", s."variantKey", x.score, ${tier("x.score")}, s."coverage"
       FROM "ScoreSnapshot" s CROSS JOIN generate_series($3::int, $4::int) g
       CROSS JOIN LATERAL (SELECT least(100, greatest(0, s."score" + 12 * sin(g / 25.0 + (hashtext(s."accountId"::text) % 13)))) AS score) x
       WHERE s."organizationId" = $1 AND s."scorecardId" = $2 AND s."day" = $5::date
       ORDER BY s."accountId", g`,
      [organizationId, scorecardId, from, to, today],
    );
    // Day −30 keeps today's real explanation (the account page's waterfall compares it); other days a short one.
    await sql(
      url,
      `INSERT INTO "ScoreExplanation" ("organizationId", "scorecardId", "day", "accountId", "detail")
       SELECT e."organizationId", e."scorecardId", e."day" - g, e."accountId",
              CASE WHEN g = 30 THEN e."detail" ELSE '{"variant":null,"reason":"history","metrics":[]}'::json END
       FROM "ScoreExplanation" e CROSS JOIN generate_series($3::int, $4::int) g
       WHERE e."organizationId" = $1 AND e."scorecardId" = $2 AND e."day" = $5::date
       ORDER BY g, e."accountId"`,
      [organizationId, scorecardId, from, to, today],
    );
    process.stdout.write(`\r  history: ${to + 1} of ${DAYS} days`);
  }
  process.stdout.write("\n");
  // A live system appends each day's snapshots together, so one account's year lies on a page per day and a
  // month of all accounts on a twelfth of the table. Laid out so here (inserting day by day in the first place
  // would scatter every row across the account-ordered key and take far longer).
  await sql(url, `SET maintenance_work_mem = '1GB'; CLUSTER "ScoreSnapshot" USING "ScoreSnapshot_pkey"`);
  await sql(url, `ANALYZE "ScoreSnapshot", "ScoreExplanation"`);
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

/** `USERS` concurrent loops of `perUser` calls each; every call's duration in ms. */
async function underLoad(call: () => Promise<unknown>, perUser = REQUESTS_PER_USER): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: USERS }, async () => {
      for (let i = 0; i < perUser; i++) times.push((await timed(call)).ms);
    }),
  );
  return times;
}

/**
 * Warms the server on `call` as a server that has been up for a while is warm:
 * rounds of `USERS` × `WARM_ROUND` requests until the server's CPU per request
 * changes by less than `SETTLED` from one round to the next (V8 keeps compiling a
 * page's code for hundreds of requests, on threads of its own). Without /proc,
 * a fixed three rounds. Returns the rounds run.
 */
async function warmUp(call: () => Promise<unknown>, serverPid: number): Promise<number> {
  if (processTreeCpuMs(serverPid) === null) {
    for (let round = 0; round < 3; round++) await underLoad(call, WARM_ROUND);
    return 3;
  }
  let previous: number | null = null;
  for (let round = 1; round <= MAX_WARM_ROUNDS; round++) {
    const before = processTreeCpuMs(serverPid)!;
    await underLoad(call, WARM_ROUND);
    const perRequest = (processTreeCpuMs(serverPid)! - before) / (USERS * WARM_ROUND);
    if (previous !== null && Math.abs(perRequest - previous) < SETTLED * previous) return round;
    previous = perRequest;
  }
  return MAX_WARM_ROUNDS;
}

/** The organisation a kept database already holds (built by an earlier run), or null. */
async function keptOrganization(url: string): Promise<{ organizationId: string; userId: string } | null> {
  const found = await sql(
    url,
    `SELECT m."organizationId", m."userId",
            (SELECT count(*) FROM "Account" a WHERE a."organizationId" = m."organizationId")::int AS accounts,
            (SELECT count(DISTINCT "day") FROM "ScoreRollup" r WHERE r."organizationId" = m."organizationId")::int AS days
     FROM "Membership" m JOIN "User" u ON u."id" = m."userId" WHERE u."email" = 'admin@bench.example'`,
  );
  const row = found.rows[0];
  return row && row.accounts === ACCOUNTS && row.days === DAYS
    ? { organizationId: row.organizationId, userId: row.userId }
    : null;
}

async function main() {
  const started = new Date();
  const database = KEEP ? await keptDatabase(KEPT_NAME) : await createThrowawayDatabase();
  process.env.DATABASE_URL = database.url;
  let server: ChildProcess | null = null;
  let webProcesses = 0;
  try {
    await migrateDatabase(database.url);
    const kept = database.existed ? await keptOrganization(database.url) : null;
    if (database.existed && !kept)
      throw new Error(`${KEPT_NAME} holds no complete benchmark organisation: drop it and run again.`);
    const setup = await timed(async () => {
      if (kept) return kept;
      const organizationId = await createSyntheticOrganization(database.url, ACCOUNTS);
      const { scorecardId } = await createPublishedScorecard(organizationId, {
        key: "bench",
        name: "Bench",
        definition: benchModel(),
        changeNote: "bench",
      });
      const user = await db().user.create({
        data: { email: "admin@bench.example", name: "Bench Admin", passwordHash: await hashPassword(PASSWORD) },
      });
      await db().membership.create({ data: { organizationId, userId: user.id, role: "admin" } });
      const now = new Date();
      await recomputeOrganization(organizationId, { trigger: "bench", now });
      const today = now.toISOString().slice(0, 10);
      await writeHistory(database.url, organizationId, scorecardId, today);
      const first = new Date(Date.parse(`${today}T00:00:00Z`) - (DAYS - 1) * DAY);
      await rebuildRollups(organizationId, scorecardId, first, new Date(Date.parse(`${today}T00:00:00Z`) - DAY));
      return { organizationId, userId: user.id };
    });
    const { organizationId, userId } = setup.result;
    // A year of history in a live system has long been vacuumed; measuring while autovacuum works through the
    // freshly written rows would measure that instead.
    const vacuum = await timed(() => sql(database.url, `VACUUM (ANALYZE)`));
    console.log(`vacuum and analyze: ${seconds(vacuum.ms)}`);
    const counts = await sql(
      database.url,
      `SELECT (SELECT count(*) FROM "ScoreSnapshot") AS snapshots, (SELECT count(*) FROM "ScoreRollup") AS rollups`,
    );
    console.log(
      `organisation: ${ACCOUNTS.toLocaleString("en-US")} accounts, ${Number(counts.rows[0].snapshots).toLocaleString("en-US")} snapshots, ${Number(counts.rows[0].rollups).toLocaleString("en-US")} rollup rows (${kept ? `kept from an earlier run, database ${KEPT_NAME}` : seconds(setup.ms)})`,
    );

    const ctx: TenantContext = { organizationId, userId, role: "admin", scope: { kind: "organization" } };
    const top = await loadAtRisk(ctx, atRiskQuerySchema.parse({}));
    const accountId = "items" in top && top.items[0] ? top.items[0].id : null;
    if (!accountId) throw new Error("no account to open");

    // Every page first loads the signed-in session (the layout); the profile page reads nothing else.
    const { id: sessionId } = await createAuthSession({ userId });
    ({ server, processes: webProcesses } = await startServer(database.url));
    const cookie = await signIn("admin@bench.example");
    const pages = [
      {
        name: "Portfolio overview",
        path: "/portfolio",
        reads: () => loadOverview(ctx, overviewQuerySchema.parse({})),
      },
      {
        name: "At-risk list",
        path: "/at-risk",
        reads: () => loadAtRisk(ctx, atRiskQuerySchema.parse({})),
      },
      {
        name: "Account page",
        path: `/accounts/${accountId}`,
        reads: () => loadAccountPage(ctx, accountId, accountStoryQuerySchema.parse({}), new Date()),
      },
      {
        // Context: the same shell with no dashboard reads — what signing-in, the layout and rendering cost alone.
        name: "Profile page (no dashboard reads: the floor of any page)",
        path: "/settings/profile",
        reads: () => loadSessionPrincipal(sessionId),
      },
    ];
    // Why the pages read through the pool: one point read's CPU in this process, through Prisma and directly.
    const viaPrisma = await cpuPerCall(
      () =>
        db()
          .$queryRaw`SELECT "id", "name" FROM "Account" WHERE "organizationId" = ${organizationId}::uuid AND "id" = ${accountId}::uuid`,
    );
    const viaPool = await cpuPerCall(
      () =>
        readRows`SELECT "id", "name" FROM "Account" WHERE "organizationId" = ${organizationId}::uuid AND "id" = ${accountId}::uuid`,
    );
    console.log(`one statement's CPU: ${viaPrisma.toFixed(2)} ms through Prisma, ${viaPool.toFixed(2)} ms on the pool`);
    const rows: string[] = [];
    const client = pageClient(PORT, cookie);
    const measured = USERS * REQUESTS_PER_USER;
    for (const page of pages) {
      const html = await client.html(page.path);
      if (!html.includes("</html>")) throw new Error(`${page.path} did not answer a whole page`);
      const get = () => client.get(page.path);
      const rounds = await warmUp(get, server.pid!);
      const cpuBefore = processTreeCpuMs(server.pid!);
      const loaderBefore = process.cpuUsage();
      const render = await underLoad(get);
      const loader = process.cpuUsage(loaderBefore);
      const cpuAfter = processTreeCpuMs(server.pid!);
      const cpu =
        cpuBefore === null || cpuAfter === null ? "—" : `${((cpuAfter - cpuBefore) / measured).toFixed(0)} ms`;
      const loaderCpu = `${((loader.user + loader.system) / 1000 / measured).toFixed(1)} ms`;
      // The direct reads warm up as much, in this process.
      await underLoad(page.reads, rounds * WARM_ROUND);
      const reads = await underLoad(page.reads);
      const js = await firstLoadJsKb(html);
      const line = `| ${page.name} (\`${page.path.replace(accountId, ":id")}\`) | ${percentile(render, 50).toFixed(0)} ms | ${percentile(render, 95).toFixed(0)} ms | ${cpu} | ${loaderCpu} | ${percentile(reads, 50).toFixed(0)} ms | ${percentile(reads, 95).toFixed(0)} ms | ${(percentile(render, 95) / percentile(reads, 95)).toFixed(2)}× | ${js.toFixed(0)} KB | ${(rounds * WARM_ROUND * USERS).toLocaleString("en-US")} |`;
      rows.push(line);
      console.log(line);
    }
    client.close();
    const nextDay = await measureNextDay(database.url, organizationId);
    const scorecard = await sql(database.url, `SELECT "id" FROM "Scorecard" WHERE "organizationId" = $1`, [
      organizationId,
    ]);
    const lastDay = new Date(Date.parse(`${nextDay.day}T12:00:00Z`) - DAY);
    const preview = await measureRulePreview(database.url, ctx, scorecard.rows[0].id, lastDay);
    await writeSection("pages", [
      "## Dashboards under load (`npm run bench:pages`)",
      "",
      "Every figure below was measured in the same run. Do not edit by hand.",
      "",
      `- Date: ${started.toISOString()}`,
      `- Machine: ${machine()}; Node ${process.version}; PostgreSQL: ${process.env.BENCH_DATABASE_URL ? "BENCH_DATABASE_URL" : "embedded"}`,
      `- Data${kept ? ` (kept from an earlier run with BENCH_KEEP=1)` : ""}: ${ACCOUNTS.toLocaleString("en-US")} accounts, ${DAYS} days of daily snapshots (${Number(counts.rows[0].snapshots).toLocaleString("en-US")} rows) and rollups (${Number(counts.rows[0].rollups).toLocaleString("en-US")} rows); signed in as an admin (whole organisation)`,
      `- Load: ${USERS} concurrent users × ${REQUESTS_PER_USER} requests per page, after warming the server up on that page in rounds of ${USERS * WARM_ROUND} requests until its CPU per request changed by less than ${SETTLED * 100} % from one round to the next (at most ${MAX_WARM_ROUNDS} rounds; V8 keeps compiling a page's code for hundreds of requests, and a server in use has long done so), on a vacuumed and analysed database; server render = full HTML response from the production server (as npm start runs it: ${webProcesses} web processes)`,
      "- Users: plain HTTP/1.1 requests on kept-alive connections, accepting gzip as a browser does; a request counts once the last byte of its response has arrived. The load generator runs on the same cores as the server and PostgreSQL, so it does not decompress the pages (a browser does that on its own machine); its own CPU per request is reported",
      "- Baseline: the same reads (the page's service and repository calls, i.e. its SQL) run directly at the same concurrency",
      "- Server CPU per request: user + system CPU time of the web server's processes over the page's measured requests, divided by their number (PostgreSQL's time not included); on a shared 2-core VM it varies far less from run to run than wall-clock times, which include the load generator's and PostgreSQL's share of the same cores",
      `- One statement (a point read of an account) costs the calling process ${viaPool.toFixed(2)} ms of CPU on the connection pool, which the pages' reads use, and ${viaPrisma.toFixed(2)} ms through Prisma's raw query (${CPU_CALLS.toLocaleString("en-US")} calls each)`,
      "- Goals: server render p95 ≤ 200 ms; first-load JavaScript ≤ 250 KB gzipped per route",
      "",
      "| page | render p50 | render p95 | server CPU per request | load generator CPU per request | reads p50 | reads p95 | render p95 / reads p95 | first-load JS (gzip) | warm-up requests |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      ...rows,
      "",
      "The nightly recompute and an alert rule's preview on this organisation:",
      "",
      "| measurement | ours | baseline | ratio |",
      "| --- | --- | --- | --- |",
      `| Full recompute of the next day (${nextDay.day}), after a checkpoint: ${nextDay.accounts.toLocaleString("en-US")} accounts scored with explanations, their snapshots added beside the year's, trends read from the last 30 and 90 days, current scores and rollups rewritten | ${seconds(nextDay.recomputeMs)} | ${seconds(nextDay.sqlMs)} (one set-based SQL statement computing the same weighted scores) | ${(nextDay.recomputeMs / nextDay.sqlMs).toFixed(2)}× |`,
      `| Preview of the alert rule "${preview.rule}" over the last 90 days, whole organisation: ${preview.accounts.toLocaleString("en-US")} accounts' snapshots read and replayed (nothing saved) | ${seconds(preview.ms)} | ${seconds(preview.baselineMs)} (reading the same ${preview.snapshots.toLocaleString("en-US")} snapshots alone) | ${(preview.ms / preview.baselineMs).toFixed(2)}× |`,
      "",
    ]);
    console.log("wrote bench/RESULTS.md");
  } finally {
    if (server && server.exitCode === null && server.signalCode === null) {
      // The server closes its connections before the cluster stops.
      const exited = once(server, "exit");
      server.kill("SIGTERM");
      await exited;
    }
    await disconnectDb();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
