import { beforeAll, describe, expect, it } from "vitest";
import { POST as postAccounts } from "@/app/api/v1/accounts/route";
import { POST as postObservations } from "@/app/api/v1/observations/route";
import { GET as getScores } from "@/app/api/v1/scores/route";
import * as unknownPath from "@/app/api/v1/[...path]/route";
import { openApiDocument } from "@/lib/api/openapi";
import { db } from "@/lib/db/client";
import { createApiKey } from "@/lib/services/api-keys";
import { apiRequest } from "../support/api";
import { createTestOrg, type TestOrg } from "../support/factories";

let org: TestOrg;
let key: string;

beforeAll(async () => {
  org = await createTestOrg({ accounts: 3, days: 2, seed: 47 });
  key = (await createApiKey(await org.contextFor("admin"), { name: "errors", scopes: ["read", "write"] })).key;
});

const post = (body: unknown) => postObservations(apiRequest("/observations", key, { method: "POST", body }));
const error = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;

describe("REST API mistakes an integration makes", () => {
  it("a bare list instead of the object says what the body must be", async () => {
    const response = await post([{ account: "X", metric: "csat", observedAt: "2026-01-01", value: 1 }]);
    expect(response.status).toBe(400);
    expect(await error(response)).toBe('The body must be a JSON object: {"observations": […]}.');
  });

  it("a field of the wrong type names the field, what it must be and what it was", async () => {
    const sent = { account: 12345, metric: "csat", observedAt: "2026-01-01T00:00:00Z", value: 4 };
    expect(await error(await post({ observations: [sent] }))).toBe(
      "observations.0.account: must be text, not a number",
    );
    const value = { ...sent, account: org.plan.accounts[0]!.externalId, value: { score: 4 } };
    expect(await error(await post({ observations: [value] }))).toBe(
      "observations.0.value: must be a number, text or true or false",
    );
  });

  it("a field an item does not have is refused by name, with the fields it has, and nothing is written", async () => {
    const sent = { account: org.plan.accounts[0]!.externalId, metric: "csat", observedAt: "2026-01-03", value: 4 };
    const response = await post({ observations: [sent, { ...sent, observedAt: "2026-01-04", unit: "points" }] });
    expect(response.status).toBe(400);
    expect(await error(response)).toBe(
      "observations.1: has unknown field unit (its fields: account, metric, observedAt, value)",
    );
    // A custom field sent beside the account's own fields, as a CRM export has it, is pointed to traits.
    const account = { externalId: "API-TYPO-1", name: "Typo Ltd", owner_email: "x@example.com", industry: "Retail" };
    const accounts = await postAccounts(
      apiRequest("/accounts", key, { method: "POST", body: { accounts: [account] } }),
    );
    expect(await error(accounts)).toMatch(
      /^accounts\.0: has unknown fields owner_email, industry \(its fields: externalId, name, .*, traits\); custom fields go in traits$/,
    );
    const days = [new Date("2026-01-03T00:00:00Z"), new Date("2026-01-04T00:00:00Z")];
    const written = { organizationId: org.organizationId, observedAt: { in: days } };
    expect(await db().metricObservation.count({ where: written })).toBe(0);
    expect(await db().account.count({ where: { organizationId: org.organizationId, externalId: "API-TYPO-1" } })).toBe(
      0,
    );
  });

  it("a missing value rejects its item only, as null does, and the rest are written", async () => {
    const at = "2026-01-02T00:00:00Z";
    const items = [
      { account: org.plan.accounts[0]!.externalId, metric: "csat", observedAt: at },
      { account: org.plan.accounts[0]!.externalId, metric: "csat", observedAt: at, value: null },
      { account: org.plan.accounts[1]!.externalId, metric: "csat", observedAt: at, value: 4 },
    ];
    const response = await post({ observations: items });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      accepted: 1,
      created: 1,
      rejected: [
        { index: 0, errors: [{ field: "value", reason: "is required" }] },
        { index: 1, errors: [{ field: "value", reason: "is required" }] },
      ],
    });
    const stored = await db().metricObservation.count({
      where: { organizationId: org.organizationId, observedAt: new Date(at) },
    });
    expect(stored).toBe(1);
  });

  it("a page size that is not a number, or out of range, says the range", async () => {
    const scores = (query: string) => getScores(apiRequest(`/scores?${query}`, key));
    expect(await error(await scores("limit=abc"))).toBe("limit: must be a number");
    expect(await error(await scores("limit=0"))).toBe("limit: must be at least 1");
    expect(await error(await scores("limit=5000"))).toBe("limit: must be at most 1000");
  });

  it("a path it does not have, or a method a path does not take, answers in the same JSON error shape", async () => {
    const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
    type Route = Record<(typeof methods)[number] | "OPTIONS", (request: Request) => Promise<Response> | Response>;
    // Every documented path's route takes exactly the documented methods; the others answer 405, naming those.
    for (const [path, operations] of Object.entries(openApiDocument().paths)) {
      const route = (await import(`@/app/api/v1${path.replace(/\{(\w+)\}/g, "[$1]")}/route`)) as Route;
      const taken = methods.filter((m) => m.toLowerCase() in operations);
      const url = `/api/v1${path.replace(/\{\w+\}/g, "x1")}`;
      const allow = [...taken, ...(taken.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
      const options = await route.OPTIONS(new Request(`http://localhost${url}`, { method: "OPTIONS" }));
      expect([options.status, options.headers.get("allow")]).toEqual([204, allow]);
      for (const method of methods.filter((m) => !taken.includes(m))) {
        const response = await route[method](new Request(`http://localhost${url}`, { method }));
        expect(response.status, `${method} ${path}`).toBe(405);
        expect(response.headers.get("allow")).toBe(allow);
        expect(await response.json()).toEqual({
          error: { code: "METHOD_NOT_ALLOWED", message: `${url} takes ${taken.join(", ")}, not ${method}.` },
        });
      }
      for (const method of taken) {
        const response = await route[method](new Request(`http://localhost${url}`, { method }));
        expect(response.status, `${method} ${path}`).not.toBe(405);
      }
    }
    for (const method of [...methods, "OPTIONS"] as const) {
      const response = unknownPath[method](new Request("http://localhost/api/v1/account/ACME-1", { method }));
      expect(response.status).toBe(404);
      expect(await error(response)).toBe(
        "There is no /api/v1/account/ACME-1; the API's paths are listed in /api/v1/openapi.json.",
      );
    }
  });
});
