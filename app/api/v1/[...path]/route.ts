import { noSuchPath } from "@/lib/api/unrouted";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = noSuchPath;
