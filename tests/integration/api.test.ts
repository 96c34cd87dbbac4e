import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as postAccounts } from "@/app/api/v1/accounts/route";
import { GET as getSnapshots } from "@/app/api/v1/accounts/[externalId]/snapshots/route";
import { POST as postObservations } from "@/app/api/v1/observations/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { POST as postRecompute } from "@/app/api/v1/recompute/route";
import { GET as getRun } from "@/app/api/v1/runs/[runId]/route";
import { GET as getScores } from "@/app/api/v1/scores/route";
import { takeApiRequest } from "@/lib/db/api-keys";
import { db } from "@/lib/db/client";
import { createApiKey, revokeApiKey } from "@/lib/services/api-keys";
import { recomputeOrganization } from "@/lib/services/scoring/recompute";
import { runDueWork } from "@/lib/services/scoring/scheduler";
import { apiRequest, conforms } from "../support/api";
import { createTestOrg, publishHealthScorecard, type TestOrg } from "../support/factories";

let a: TestOrg;
let b: TestOrg;
const keys: Record<string, string> = {};

beforeAll(async () => {
  [a, b] = await Promise.all([
    createTestOrg({ accounts: 8, days: 5, seed: 41 }),
    createTestOrg({ accounts: 4, days: 5, seed: 42 }),
  ]);
  for (const org of [a, b]) {
    await publishHealthScorecard(org.organizationId);
    await recomputeOrganization(org.organizationId, { trigger: "test" });
  }
  const adminA = await a.contextFor("admin");
  keys.aWrite = (await createApiKey(adminA, { name: "writer", scopes: ["read", "write"] })).key;
  keys.aRead = (await createApiKey(adminA, { name: "reader", scopes: ["read"] })).key;
  const revoked = await createApiKey(adminA, { name: "old", scopes: ["read"] });
  await revokeApiKey(adminA, revoked.id);
  keys.aRevoked = revoked.key;
  keys.bRead = (await createApiKey(await b.contextFor("admin"), { name: "b", scopes: ["read"] })).key;
});

afterEach(() => {
  delete process.env.PULSEBOARD_API_RATE_PER_MINUTE;
});

const request = apiRequest;
const params = (p: Record<string, string>) => ({ params: Promise.resolve(p) });

describe("REST API authentication and scopes", () => {
  it("refuses requests without a valid key, and keys without the scope", async () => {
    expect((await getScores(request("/scores", null))).status).toBe(401);
    const revoked = await getScores(request("/scores", keys.aRevoked!));
    expect(revoked.status).toBe(401);
    expect(await conforms(revoked, "/scores", "get")).toEqual({
      error: { code: "UNAUTHENTICATED", message: "The API key is not valid or has been revoked." },
    });
    const readOnly = await postRecompute(request("/recompute", keys.aRead!, { method: "POST" }));
    expect(readOnly.status).toBe(403);
  });

  it("limits the rate per key with a Retry-After", async () => {
    process.env.PULSEBOARD_API_RATE_PER_MINUTE = "3";
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await getScores(request("/scores?limit=1", keys.bRead!))).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await getScores(request("/scores?limit=1", keys.bRead!));
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("keeps each key's count on its row, draining at the limit per minute, so every web process shares it", async () => {
    const key = await createApiKey(await b.contextFor("admin"), { name: "bucket", scopes: ["read"] });
    const at = (seconds: number) => new Date(Date.UTC(2030, 0, 1, 0, 0, seconds));
    const take = (seconds: number) => takeApiRequest(b.organizationId, key.id, 3, at(seconds));
    expect([await take(0), await take(0), await take(0)]).toEqual([0, 0, 0]);
    // Full: the fourth would fit once one request has drained (60 s / 3).
    expect(await take(0)).toBe(20);
    // A refused request takes nothing: half a request has drained after 10 s, half is still missing.
    expect(await take(10)).toBe(10);
    expect(await take(20)).toBe(0);
    expect(await take(20)).toBe(20);
    const row = await db().apiKey.findFirstOrThrow({
      where: { organizationId: b.organizationId, id: key.id },
      select: { lastUsedAt: true },
    });
    expect(row.lastUsedAt).toEqual(at(20));
    // Another organisation's key is not found, whoever asks.
    await expect(takeApiRequest(a.organizationId, key.id, 3)).rejects.toThrow(/not found/i);
  });

  it("records when a key was last used", async () => {
    expect((await getScores(request("/scores?limit=1", keys.aRead!))).status).toBe(200);
    const row = await db().apiKey.findFirstOrThrow({
      where: { organizationId: a.organizationId, name: "reader" },
      select: { lastUsedAt: true },
    });
    expect(row.lastUsedAt).not.toBeNull();
  });
});

describe("REST API data in", () => {
  it("upserts observations idempotently with per-item errors", async () => {
    const body = {
      observations: [
        { account: a.plan.accounts[0]!.externalId, metric: "csat", observedAt: "2026-06-15T09:00:00Z", value: 4.8 },
        { account: a.plan.accounts[0]!.externalId, metric: "csat", observedAt: "2026-06-15T09:00:00Z", value: "great" },
        { account: b.plan.accounts[0]!.externalId, metric: "csat", observedAt: "2026-06-15T09:00:00Z", value: 4 },
        // The API takes ISO times only; a spreadsheet's slash date is a CSV import's business.
        { account: a.plan.accounts[0]!.externalId, metric: "csat", observedAt: "15/06/2026", value: 4 },
      ],
    };
    const count = () => db().metricObservation.count({ where: { organizationId: a.organizationId } });
    const before = await count();
    const first = await postObservations(request("/observations", keys.aWrite!, { method: "POST", body }));
    expect(first.status).toBe(200);
    expect(await conforms(first, "/observations", "post")).toEqual({
      accepted: 1,
      created: 1,
      rejected: [
        { index: 1, errors: [{ field: "value", reason: '"great" is not a number' }] },
        {
          index: 2,
          errors: [
            {
              field: "account",
              reason: `account "${b.plan.accounts[0]!.externalId}" does not exist (import it first)`,
            },
          ],
        },
        {
          index: 3,
          errors: [{ field: "observedAt", reason: '"15/06/2026" is not a date (use YYYY-MM-DD or an ISO time)' }],
        },
      ],
    });
    const again = await postObservations(request("/observations", keys.aWrite!, { method: "POST", body }));
    expect(await again.json()).toMatchObject({ accepted: 1, created: 0 });
    expect(await count()).toBe(before + 1);
  });

  it("moves an account's current value to its newest reading, never back to an older one", async () => {
    const where = { organizationId: a.organizationId, accountId: a.accountIds[1]!, metricId: a.metricIds.csat! };
    const before = await db().metricCurrentValue.findFirstOrThrow({ where });
    const post = (observations: { observedAt: Date; value: number }[]) =>
      postObservations(
        request("/observations", keys.aWrite!, {
          method: "POST",
          body: {
            observations: observations.map((o) => ({
              account: a.plan.accounts[1]!.externalId,
              metric: "csat",
              observedAt: o.observedAt.toISOString(),
              value: o.value,
            })),
          },
        }),
      );
    const newer = new Date(before.observedAt.getTime() + 3600_000);
    const older = new Date(before.observedAt.getTime() - 2 * 86_400_000);
    expect(
      (
        await post([
          { observedAt: older, value: 1 },
          { observedAt: newer, value: 4.1 },
        ])
      ).status,
    ).toBe(200);
    expect(await db().metricCurrentValue.findFirstOrThrow({ where })).toMatchObject({ observedAt: newer, value: 4.1 });
    expect((await post([{ observedAt: new Date(older.getTime() - 86_400_000), value: 2 }])).status).toBe(200);
    expect(await db().metricCurrentValue.findFirstOrThrow({ where })).toMatchObject({ observedAt: newer, value: 4.1 });
  });

  it("upserts accounts and answers bad bodies with the field", async () => {
    const ok = await postAccounts(
      request("/accounts", keys.aWrite!, {
        method: "POST",
        body: { accounts: [{ externalId: "API-1", name: "Via API", arr: 50000, traits: { tier: "gold" } }] },
      }),
    );
    expect(await conforms(ok, "/accounts", "post")).toEqual({ accepted: 1, created: 1, changed: 0, rejected: [] });
    const account = await db().account.findFirstOrThrow({
      where: { organizationId: a.organizationId, externalId: "API-1" },
      select: { traits: true, segments: { select: { segment: { select: { key: true } } } } },
    });
    expect(account.traits).toEqual({ tier: "gold" });
    expect(account.segments.map((s) => s.segment.key)).toEqual(["mid-market"]);
    // Sent again as stored, it changes nothing; with another ARR, it changes the account.
    const send = (arr: number) =>
      postAccounts(
        request("/accounts", keys.aWrite!, {
          method: "POST",
          body: { accounts: [{ externalId: "API-1", name: "Via API", arr, traits: { tier: "gold" } }] },
        }),
      ).then((r) => conforms(r, "/accounts", "post"));
    expect(await send(50000)).toEqual({ accepted: 1, created: 0, changed: 0, rejected: [] });
    expect(await send(60000)).toEqual({ accepted: 1, created: 0, changed: 1, rejected: [] });

    const bad = await postAccounts(
      request("/accounts", keys.aWrite!, { method: "POST", body: { accounts: [{ externalId: "X", name: 5 }] } }),
    );
    expect(bad.status).toBe(400);
    expect((await conforms(bad, "/accounts", "post")).error.message).toBe(
      "accounts.0.name: must be text, not a number",
    );
    const notJson = await postAccounts(request("/accounts", keys.aWrite!, { method: "POST", body: "{oops" }));
    expect((await notJson.json()).error.message).toBe("The body is not valid JSON.");
    const huge = await postAccounts(
      request("/accounts", keys.aWrite!, {
        method: "POST",
        body: "{}",
        headers: { "content-length": String(50 * 1024 * 1024) },
      }),
    );
    expect(huge.status).toBe(413);
  });
});

describe("REST API scores out", () => {
  it("pages current scores of the key's organisation only", async () => {
    const page1 = await getScores(request("/scores?limit=3", keys.aRead!));
    const body1 = await conforms(page1, "/scores", "get");
    expect(body1.items).toHaveLength(3);
    const page2 = await (await getScores(request(`/scores?limit=100&cursor=${body1.nextCursor}`, keys.aRead!))).json();
    const ids = [...body1.items, ...page2.items].map((i: { account: { id: string } }) => i.account.id);
    const expected = await db().currentScore.count({ where: { organizationId: a.organizationId } });
    expect(new Set(ids).size).toBe(expected);
    expect(ids.every((id: string) => a.accountIds.includes(id) || !b.accountIds.includes(id))).toBe(true);
    const other = await (await getScores(request("/scores?limit=100", keys.bRead!))).json();
    expect(other.items.every((i: { account: { id: string } }) => b.accountIds.includes(i.account.id))).toBe(true);
  });

  it("returns an account's snapshots, and another organisation's account is not found", async () => {
    const externalId = a.plan.accounts.find((x) => x.status === "active")!.externalId;
    const own = await getSnapshots(request(`/accounts/${externalId}/snapshots`, keys.aRead!), params({ externalId }));
    const body = await conforms(own, "/accounts/{externalId}/snapshots", "get");
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items[0].explanation.metrics.length).toBeGreaterThan(10);
    const foreign = await getSnapshots(
      request(`/accounts/${externalId}/snapshots`, keys.bRead!),
      params({ externalId }),
    );
    expect(foreign.status).toBe(404);
    expect(await conforms(foreign, "/accounts/{externalId}/snapshots", "get")).toEqual({
      error: { code: "NOT_FOUND", message: "Account not found." },
    });
    const backwards = await getSnapshots(
      request(`/accounts/${externalId}/snapshots?from=2026-06-10&to=2026-06-01`, keys.aRead!),
      params({ externalId }),
    );
    expect(backwards.status).toBe(400);
    expect((await conforms(backwards, "/accounts/{externalId}/snapshots", "get")).error).toMatchObject({
      code: "VALIDATION",
      message: "to: is before from",
    });
  });

  it("queues a recompute, whose run can be followed until it has finished", async () => {
    const response = await postRecompute(request("/recompute", keys.aWrite!, { method: "POST" }));
    expect(response.status).toBe(202);
    const { runId } = await conforms(response, "/recompute", "post");
    const poll = (key: string, id = runId) => getRun(request(`/runs/${id}`, key), params({ runId: id }));

    const queued = await poll(keys.aRead!);
    expect(queued.status).toBe(200);
    expect(await conforms(queued, "/runs/{runId}", "get")).toMatchObject({ runId, status: "queued", finishedAt: null });
    await runDueWork(new Date(), [a.organizationId]);
    // Every active account, the one created through the API above included.
    const active = await db().account.count({ where: { organizationId: a.organizationId, status: "active" } });
    expect(await conforms(await poll(keys.aRead!), "/runs/{runId}", "get")).toMatchObject({
      runId,
      status: "succeeded",
      accounts: active,
      finishedAt: expect.any(String),
      error: null,
    });

    // Another organisation's run is not found; a malformed id is refused by name.
    const foreign = await poll(keys.bRead!);
    expect(foreign.status).toBe(404);
    expect(await conforms(foreign, "/runs/{runId}", "get")).toEqual({
      error: { code: "NOT_FOUND", message: "Run not found." },
    });
    const malformed = await poll(keys.aRead!, "42");
    expect(malformed.status).toBe(400);
    expect((await conforms(malformed, "/runs/{runId}", "get")).error.message).toBe(
      "runId: is not a run id (the UUID that POST /recompute returns)",
    );
  });

  it("serves an OpenAPI document covering every route", async () => {
    const doc = await (await getOpenApi()).json();
    expect(doc.openapi).toBe("3.0.3");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/accounts",
      "/accounts/{externalId}/snapshots",
      "/backfill",
      "/observations",
      "/outcomes",
      "/recompute",
      "/runs/{runId}",
      "/scores",
    ]);
  });
});
