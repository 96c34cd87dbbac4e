import { z } from "zod";
import { accountsBodySchema, observationsBodySchema, outcomesBodySchema } from "../validation/api";
import { backfillSchema } from "../validation/backfill";

const nullableNumber = z.number().nullable();
const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
  }),
});
const ingestResult = z.object({
  accepted: z.number().int(),
  created: z
    .number()
    .int()
    .describe(
      "Accepted items not stored before; the others repeated what was stored (a resent observation) or updated it. An observation stored with another value is rejected: stored observations are not changed.",
    ),
  changed: z
    .number()
    .int()
    .optional()
    .describe(
      "Accounts and outcomes: accepted items that changed a stored one. The others came as stored and wrote nothing (an account that did not change is not rescored). Not given for observations.",
    ),
  rejected: z.array(
    z.object({ index: z.number().int(), errors: z.array(z.object({ field: z.string(), reason: z.string() })) }),
  ),
});
const scorecardRef = z.object({ key: z.string(), name: z.string() });
const scoresPage = z.object({
  scorecard: scorecardRef,
  items: z.array(
    z.object({
      account: z.object({ id: z.string(), externalId: z.string(), name: z.string() }),
      score: nullableNumber,
      tier: z.string(),
      coverage: z.number(),
      variant: z.string().nullable(),
      delta7: nullableNumber,
      delta30: nullableNumber,
      delta90: nullableNumber,
      computedAt: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
});
const snapshots = z.object({
  account: z.object({ id: z.string(), externalId: z.string(), name: z.string() }),
  scorecard: scorecardRef,
  items: z.array(
    z.object({
      day: z.string(),
      score: nullableNumber,
      tier: z.string(),
      coverage: z.number(),
      variant: z.string().nullable(),
      modelVersionId: z.string(),
      explanation: z.object({
        version: z.number(),
        variant: z.string().nullable(),
        reason: z.string(),
        metrics: z.array(z.array(z.unknown())),
      }),
    }),
  ),
});
const recompute = z.object({ runId: z.string(), status: z.string() });
const run = z.object({
  runId: z.string(),
  trigger: z.string().describe("What asked for it: api, manual, schedule, import, publish, backfill, …"),
  status: z
    .enum(["queued", "running", "succeeded", "failed", "stopped"])
    .describe("stopped: a backfill an admin stopped; the days it scored are kept."),
  full: z.boolean().describe("Whether it scores every account; false: only those a data change touched."),
  backfillDays: z
    .number()
    .int()
    .nullable()
    .describe('A history backfill\'s days ("score the past", up to the day it runs); null for a recompute.'),
  daysDone: z.number().int().describe("Days of a backfill scored so far."),
  stopping: z.boolean().describe("An admin asked to stop this backfill; it stops after the day it is scoring."),
  accounts: z.number().int().describe("Accounts scored (0 until it has succeeded)."),
  startedAt: z.string().describe("When it was queued, then when it started running."),
  finishedAt: z.string().nullable(),
  error: z
    .string()
    .nullable()
    .describe("Why it failed, how far a stopped backfill got, or why a backfill waits again (its worker stopped)."),
});

const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: "openapi-3.0", unrepresentable: "any" });
const json = (s: z.ZodType, description: string) => ({
  description,
  content: { "application/json": { schema: schema(s) } },
});
const errors = {
  "400": json(errorSchema, "The body or query is invalid; the message names the field."),
  "401": json(errorSchema, "No API key, or a revoked one."),
  "403": json(errorSchema, "The key lacks the scope this call needs."),
  "404": json(errorSchema, "Not found (or another organisation's)."),
  "413": json(errorSchema, "The body is larger than 10 MB."),
  "429": json(errorSchema, "Too many requests for this key; see Retry-After."),
};
const bulk = (body: z.ZodType, what: string) => ({
  post: {
    summary: `Create or update ${what} in bulk (idempotent)`,
    security: [{ apiKey: [] }],
    requestBody: { required: true, content: { "application/json": { schema: schema(body) } } },
    responses: {
      "200": json(ingestResult, "What was accepted, and each rejected item by index, field and reason."),
      ...errors,
    },
  },
});

/** The REST API's OpenAPI 3.0 document, served at /api/v1/openapi.json and checked against real responses in the tests. */
export function openApiDocument() {
  return {
    openapi: "3.0.3",
    info: {
      title: "Pulseboard API",
      version: "1.0.0",
      description:
        "Per-organisation API keys: Authorization: Bearer pb_…; scopes read and write. Every error is JSON, " +
        "{ error: { code, message, fieldErrors? } }: a path not listed here answers 404, and a method a path does " +
        "not take 405 (code METHOD_NOT_ALLOWED, the Allow header listing those it takes).",
    },
    servers: [{ url: "/api/v1" }],
    components: { securitySchemes: { apiKey: { type: "http", scheme: "bearer" } } },
    paths: {
      "/accounts": bulk(accountsBodySchema, "accounts (by external id)"),
      "/observations": bulk(observationsBodySchema, "metric observations (unique per account, metric and time)"),
      "/outcomes": bulk(outcomesBodySchema, "renewal outcomes (unique per account, kind and date)"),
      "/scores": {
        get: {
          summary: "Current scores, a page at a time",
          security: [{ apiKey: [] }],
          parameters: [
            {
              name: "scorecard",
              in: "query",
              schema: { type: "string" },
              description: "Scorecard key (default: the first)",
            },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 1000, default: 100 } },
            { name: "cursor", in: "query", schema: { type: "string" }, description: "nextCursor of the previous page" },
          ],
          responses: { "200": json(scoresPage, "A page of current scores."), ...errors },
        },
      },
      "/accounts/{externalId}/snapshots": {
        get: {
          summary: "One account's daily score snapshots with their explanations",
          security: [{ apiKey: [] }],
          parameters: [
            { name: "externalId", in: "path", required: true, schema: { type: "string" } },
            { name: "scorecard", in: "query", schema: { type: "string" } },
            { name: "from", in: "query", schema: { type: "string", format: "date" } },
            { name: "to", in: "query", schema: { type: "string", format: "date" } },
          ],
          responses: { "200": json(snapshots, "Snapshots, oldest first (at most 1000)."), ...errors },
        },
      },
      "/recompute": {
        post: {
          summary: "Queue a recompute of every account",
          security: [{ apiKey: [] }],
          responses: { "202": json(recompute, "The queued (or already waiting) run."), ...errors },
        },
      },
      "/backfill": {
        post: {
          summary:
            "Queue scoring the past: each of the last days from only the observations made by its end (after loading history); days already scored are kept",
          security: [{ apiKey: [] }],
          requestBody: { required: true, content: { "application/json": { schema: schema(backfillSchema) } } },
          responses: { "202": json(recompute, "The queued backfill run."), ...errors },
        },
      },
      "/runs/{runId}": {
        get: {
          summary: "A scoring run's status, to poll after queueing a recompute or a backfill",
          security: [{ apiKey: [] }],
          parameters: [{ name: "runId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          responses: { "200": json(run, "The run."), ...errors },
        },
      },
    },
  };
}
