/**
 * What the REST API answers outside its routes, in its one JSON error shape
 * rather than the framework's HTML page or empty body: 405 for a method a path
 * does not take (with the Allow header), 404 for a path it does not have.
 */
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type ApiMethod = (typeof METHODS)[number];
type Handler = (request: Request) => Response;

const DOCUMENT = "/api/v1/openapi.json";

/**
 * The methods other than `taken`, each answering 405; a route exports them
 * beside its own: `export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST")`.
 * OPTIONS answers with the Allow header (the framework's own would list the refusing methods too).
 */
export function otherMethods(...taken: ApiMethod[]): Record<ApiMethod | "OPTIONS", Handler> {
  // HEAD comes with GET, and OPTIONS (answered here) with every path.
  const allow = [...taken, ...(taken.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const refuse: Handler = (request) =>
    Response.json(
      {
        error: {
          code: "METHOD_NOT_ALLOWED",
          message: `${new URL(request.url).pathname} takes ${taken.join(", ")}, not ${request.method}.`,
        },
      },
      { status: 405, headers: { allow } },
    );
  const options: Handler = () => new Response(null, { status: 204, headers: { allow } });
  return { ...(Object.fromEntries(METHODS.map((m) => [m, refuse])) as Record<ApiMethod, Handler>), OPTIONS: options };
}

/** Every method, answering 404: the catch-all route below /api/v1 exports them. */
export const noSuchPath: Record<ApiMethod | "OPTIONS", Handler> = Object.fromEntries(
  [...METHODS, "OPTIONS"].map((m) => [
    m,
    (request: Request) =>
      Response.json(
        {
          error: {
            code: "NOT_FOUND",
            message: `There is no ${new URL(request.url).pathname}; the API's paths are listed in ${DOCUMENT}.`,
          },
        },
        { status: 404 },
      ),
  ]),
) as Record<ApiMethod | "OPTIONS", Handler>;
