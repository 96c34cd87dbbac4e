import { z } from "zod";
import { findApiKeyByHash, takeApiRequest, type ApiScope } from "../db/api-keys";
import { AppError, ForbiddenError, RateLimitedError, UnauthenticatedError, ValidationError } from "../errors";
import { plainIssueMessage } from "../validation/messages";
import type { TenantContext } from "../tenant";
import { hashApiKey } from "./keys";
import { apiRateLimit } from "./rate-limit";
import { errorResponse } from "./respond";

export interface ApiContext extends TenantContext {
  keyId: string;
  scopes: ApiScope[];
}

export const MAX_BODY_BYTES = 10 * 1024 * 1024;

class PayloadTooLargeError extends AppError {
  constructor() {
    super(
      "VALIDATION",
      `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB; send fewer items per request.`,
    );
  }
}

async function authenticate(request: Request, scope: ApiScope): Promise<ApiContext> {
  const header = request.headers.get("authorization") ?? "";
  const key = /^Bearer\s+(pb_\S+)$/i.exec(header)?.[1];
  if (!key) throw new UnauthenticatedError("Send an API key in the Authorization header: Bearer pb_…");
  const row = await findApiKeyByHash(hashApiKey(key));
  if (!row || row.revokedAt) throw new UnauthenticatedError("The API key is not valid or has been revoked.");
  const scopes = row.scopes as ApiScope[];
  if (!scopes.includes(scope))
    throw new ForbiddenError(`This key may not ${scope}; an admin can create a key with the "${scope}" scope.`);
  const wait = await takeApiRequest(row.organizationId, row.id, apiRateLimit());
  if (wait > 0) throw new RateLimitedError(`Too many requests for this key; retry in ${wait} s.`);
  return {
    organizationId: row.organizationId,
    userId: row.createdById ?? row.id,
    role: scopes.includes("write") ? "admin" : "viewer",
    scope: { kind: "organization" },
    keyId: row.id,
    scopes,
  };
}

/** Reads at most MAX_BODY_BYTES of the body, whatever Content-Length claims. */
async function readJson(request: Request): Promise<unknown> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw new PayloadTooLargeError();
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let r = await reader?.read(); r && !r.done; r = await reader!.read()) {
    size += r.value.length;
    if (size > MAX_BODY_BYTES) throw new PayloadTooLargeError();
    chunks.push(r.value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text || "null");
  } catch {
    throw new ValidationError("The body is not valid JSON.");
  }
}

function zodToValidation(error: z.ZodError): ValidationError {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) (fieldErrors[issue.path.join(".") || "body"] ??= []).push(issue.message);
  const [field, messages] = Object.entries(fieldErrors)[0]!;
  return new ValidationError(`${field}: ${messages[0]}`, fieldErrors);
}

/** A body that is not the object the route takes (a bare list, a string): says what it takes. */
function bodyToValidation(schema: z.ZodType, error: z.ZodError): ValidationError {
  const root = error.issues.find((issue) => issue.path.length === 0);
  if (!root || !(schema instanceof z.ZodObject)) return zodToValidation(error);
  const fields = Object.entries(schema.shape as Record<string, z.ZodType>).map(
    ([key, field]) => `"${key}": ${field instanceof z.ZodArray ? "[…]" : "…"}`,
  );
  return new ValidationError(`The body must be a JSON object: {${fields.join(", ")}}.`, { body: [root.message] });
}

type Handler<B, Q> = (
  input: { body: B; query: Q; params: Record<string, string> },
  ctx: ApiContext,
) => Promise<unknown>;

/**
 * The one wrapper for REST API routes: API key → organisation → scope → rate
 * limit → size-limited body and query validated with zod → handler → JSON, with
 * one error shape `{ error: { code, message, fieldErrors? } }`.
 */
export function apiRoute<B extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodObject>(
  spec: { scope: ApiScope; body?: B; query?: Q; status?: number },
  handler: Handler<z.output<B>, z.output<Q>>,
) {
  return async (request: Request, context?: { params?: Promise<Record<string, string>> }): Promise<Response> => {
    try {
      const ctx = await authenticate(request, spec.scope);
      const query = (spec.query ?? z.object({})).safeParse(Object.fromEntries(new URL(request.url).searchParams), {
        error: plainIssueMessage,
      });
      if (!query.success) throw zodToValidation(query.error);
      let body: unknown = undefined;
      if (spec.body) {
        const parsed = spec.body.safeParse(await readJson(request), { error: plainIssueMessage });
        if (!parsed.success) throw bodyToValidation(spec.body, parsed.error);
        body = parsed.data;
      }
      const params = (await context?.params) ?? {};
      const result = await handler({ body: body as z.output<B>, query: query.data as z.output<Q>, params }, ctx);
      return result instanceof Response ? result : Response.json(result, { status: spec.status ?? 200 });
    } catch (error) {
      const response = errorResponse(error);
      if (error instanceof PayloadTooLargeError)
        return new Response(response.body, { status: 413, headers: response.headers });
      if (error instanceof RateLimitedError)
        response.headers.set("retry-after", error.message.match(/(\d+) s/)?.[1] ?? "60");
      return response;
    }
  };
}
