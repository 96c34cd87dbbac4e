import { requirePageTenant } from "@/lib/auth/page";

/**
 * Checks the permission above the page's loading boundary: a role without it gets
 * "not found" as the response's status too, not a 200 streamed before the page decides.
 */
export default async function TrendsLayout({ children }: { children: React.ReactNode }) {
  await requirePageTenant("trends:read");
  return children;
}
