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
