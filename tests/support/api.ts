import { expect } from "vitest";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { validateJson } from "./json-schema";

/** A REST API request as an integration would send it: JSON, with the key as a bearer token (none when null). */
export function apiRequest(
  path: string,
  key: string | null,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  return new Request(`http://localhost/api/v1${path}`, {
    method: init.method ?? "GET",
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      "content-type": "application/json",
      ...init.headers,
    },
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
}

/** Checks a response against the served OpenAPI document's schema for that operation and status; answers its body. */
export async function conforms(response: Response, path: string, method: string) {
  const doc = await (await getOpenApi()).json();
  const schema = doc.paths[path][method].responses[String(response.status)]?.content["application/json"].schema;
  expect(schema, `${method.toUpperCase()} ${path} documents status ${response.status}`).toBeDefined();
  const body = await response.json();
  expect(validateJson(schema, body)).toEqual([]);
  return body;
}
