import { AppError } from "../errors";
import { errorResponse } from "./respond";

/**
 * What the REST API answers outside its routes, in its one error shape rather
 * than the framework's HTML page or empty body: 405 for a method a path does not
 * take (with the Allow header), 404 for a path it does not have.
 */
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type ApiMethod = (typeof METHODS)[number];
type Handler = (request: Request) => Response;
type Handlers = Record<ApiMethod | "OPTIONS", Handler>;

const pathOf = (request: Request) => new URL(request.url).pathname;

/** `answer` for every method, and `options` (default `answer`) for OPTIONS. */
const everyMethod = (answer: Handler, options = answer): Handlers =>
  ({ ...Object.fromEntries(METHODS.map((m) => [m, answer])), OPTIONS: options }) as Handlers;

/**
 * The methods other than `taken`, each answering 405; a route exports them
 * beside its own: `export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST")`.
 * OPTIONS answers with the Allow header (the framework's own would list the refusing methods too).
 */
export function otherMethods(...taken: ApiMethod[]): Handlers {
  // HEAD comes with GET, and OPTIONS (answered here) with every path.
  const allow = [...taken, ...(taken.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  return everyMethod(
    (request) => {
      const message = `${pathOf(request)} takes ${taken.join(", ")}, not ${request.method}.`;
      const response = errorResponse(new AppError("METHOD_NOT_ALLOWED", message));
      response.headers.set("allow", allow);
      return response;
    },
    () => new Response(null, { status: 204, headers: { allow } }),
  );
}

/** Every method, answering 404: the catch-all route below /api/v1 exports them. */
export const noSuchPath = everyMethod((request) =>
  errorResponse(
    new AppError("NOT_FOUND", `There is no ${pathOf(request)}; the API's paths are listed in /api/v1/openapi.json.`),
  ),
);
