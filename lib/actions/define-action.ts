import { z } from "zod";
import { requireTenant } from "../auth/context";
import type { Permission } from "../auth/permissions";
import type { SessionPrincipal } from "../db/sessions";
import { AppError } from "../errors";
import type { TenantContext } from "../tenant";
import { toFieldErrors } from "../validation/field-errors";
import { plainIssueMessage } from "../validation/messages";
import type { ActionResult } from "./result";

interface ActionSpec<S extends z.ZodType> {
  /** Required: an action without a declared permission does not type-check. */
  permission: Permission;
  input: S;
}

type Handler<S extends z.ZodType, R> = (
  input: z.output<S>,
  ctx: TenantContext,
  principal: SessionPrincipal,
) => Promise<R>;

function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string") continue;
    out[key] = key in out ? ([] as unknown[]).concat(out[key], value) : value;
  }
  return out;
}

/** Maps anything thrown to the action result; users never see internals. */
export function toErrorResult(error: unknown): ActionResult<never> {
  if (error instanceof AppError) {
    return { ok: false, error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors } };
  }
  console.error("action failed", error);
  return { ok: false, error: { code: "INTERNAL", message: "Something went wrong. Please try again." } };
}

/** Validates an action's input with its schema: the data, or the result naming the first field that is wrong. */
function parseInput<S extends z.ZodType>(
  schema: S,
  raw: unknown,
): { ok: true; data: z.output<S> } | { ok: false; result: ActionResult<never> } {
  const parsed = schema.safeParse(raw instanceof FormData ? formDataToObject(raw) : raw, { error: plainIssueMessage });
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors = toFieldErrors(parsed.error);
  const [field, messages] = Object.entries(fieldErrors)[0] ?? ["_", ["is invalid"]];
  return {
    ok: false,
    result: {
      ok: false,
      error: { code: "VALIDATION", message: `${field === "_" ? "Input" : field}: ${messages[0]}`, fieldErrors },
    },
  };
}

/**
 * The one wrapper for server actions: authenticate → tenant from the session →
 * authorise the declared permission → validate input with zod → run → one result
 * shape. Accepts a plain object or FormData.
 */
export function defineAction<S extends z.ZodType, R>(spec: ActionSpec<S>, handler: Handler<S, R>) {
  return async (raw: z.input<S> | FormData): Promise<ActionResult<R>> => {
    try {
      const { ctx, principal } = await requireTenant(spec.permission);
      const input = parseInput(spec.input, raw);
      if (!input.ok) return input.result;
      return { ok: true, data: await handler(input.data, ctx, principal) };
    } catch (error) {
      return toErrorResult(error);
    }
  };
}

/**
 * For the one action a visitor without a session takes, accepting an
 * invitation: it is authenticated by what the visitor holds (the link's secret,
 * part of the validated input, checked against its stored hash by the handler),
 * not by a session. Input validated with zod; the same result shape.
 */
export function defineTokenAction<S extends z.ZodType, R>(
  spec: { input: S },
  handler: (input: z.output<S>) => Promise<R>,
) {
  return async (raw: z.input<S> | FormData): Promise<ActionResult<R>> => {
    try {
      const input = parseInput(spec.input, raw);
      if (!input.ok) return input.result;
      return { ok: true, data: await handler(input.data) };
    } catch (error) {
      return toErrorResult(error);
    }
  };
}
