import { openApiDocument } from "@/lib/api/openapi";
import { otherMethods } from "@/lib/api/unrouted";

export function GET() {
  return Response.json(openApiDocument());
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
