import { describe, expect, it } from "vitest";
import { z } from "zod";
import { plainIssueMessage } from "@/lib/validation/messages";

/** The messages of `schema` refusing `input`, by path, as a user reads them. */
function messages(schema: z.ZodType, input: unknown): Record<string, string> {
  const parsed = schema.safeParse(input, { error: plainIssueMessage });
  if (parsed.success) throw new Error("expected the input to be refused");
  return Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "(root)", i.message]));
}

describe("plain validation messages", () => {
  it("say what a field must be, and what it was", () => {
    const schema = z.object({ name: z.string(), arr: z.number(), on: z.boolean(), tags: z.array(z.string()) });
    expect(messages(schema, { name: 5, arr: "50k", on: "yes", tags: "a" })).toEqual({
      name: "must be text, not a number",
      arr: "must be a number, not text",
      on: "must be true or false, not text",
      tags: "must be a list, not text",
    });
    expect(messages(schema, [])).toEqual({ "(root)": "must be an object, not a list" });
  });

  it("call a missing field required", () => {
    expect(messages(z.object({ name: z.string() }), {})).toEqual({ name: "is required" });
  });

  it("name the options of a union", () => {
    const scalar = z.union([z.number(), z.string(), z.boolean()]);
    expect(messages(z.object({ value: scalar }), { value: { x: 1 } })).toEqual({
      value: "must be a number, text or true or false",
    });
  });

  it("give bounds of numbers, text and lists in their own units", () => {
    const schema = z.object({
      limit: z.coerce.number().int().min(1).max(1000),
      low: z.number().gt(0),
      name: z.string().min(1),
      code: z.string().max(3),
      items: z.array(z.number()).min(2),
    });
    expect(messages(schema, { limit: "5000", low: 0, name: "", code: "ABCD", items: [1] })).toEqual({
      limit: "must be at most 1000",
      low: "must be more than 0",
      name: "must not be empty",
      code: "must have at most 3 characters",
      items: "must have at least 2 items",
    });
    // A query parameter that is not a number at all: its text is gone once coerced.
    expect(messages(schema.pick({ limit: true }), { limit: "abc" })).toEqual({ limit: "must be a number" });
  });

  it("name formats, allowed values and unknown fields", () => {
    const schema = z.strictObject({ id: z.uuid(), email: z.email(), kind: z.enum(["renewed", "churned"]) });
    expect(messages(schema, { id: "7", email: "ann", kind: "lost", extra: 1 })).toEqual({
      id: "must be an id",
      email: "must be an email address",
      kind: 'must be one of "renewed", "churned"',
      "(root)": "has unknown field extra",
    });
  });

  it("leave a schema's own wording alone", () => {
    const schema = z.object({ name: z.string().min(1, "Give the key a name") });
    expect(messages(schema, { name: "" })).toEqual({ name: "Give the key a name" });
  });
});
