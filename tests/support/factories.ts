import { randomUUID } from "node:crypto";
import { hashPassword } from "../../lib/auth/password";
import { tenantFromPrincipal } from "../../lib/auth/tenant";
import { persistOrgPlan } from "../../lib/db/factories";
import { createPublishedScorecard } from "../../lib/db/scorecards";
import { createAuthSession, loadSessionPrincipal } from "../../lib/db/sessions";
import { generateOrgPlan, utcMidnight, type OrgPlan } from "../../lib/demo/generate";
import { DEMO_HEALTH_MODEL } from "../../lib/demo/health-model";
import type { TenantContext } from "../../lib/tenant";

export const TEST_PASSWORD = "correct-horse-battery";
let sharedHash: Promise<string> | undefined;

export const TEST_TODAY = utcMidnight(new Date("2026-06-15T00:00:00Z"));

/**
 * A fresh organisation per test, built by the same generator and factory as
 * the demo seed: owner, admin, a manager and two CSMs per team, a viewer,
 * accounts with observations and outcomes.
 */
export async function createTestOrg(options: { accounts?: number; days?: number; seed?: number } = {}) {
  const tag = randomUUID().slice(0, 8);
  const plan: OrgPlan = generateOrgPlan({
    seed: options.seed ?? 42,
    name: `Test Org ${tag}`,
    slug: `test-${tag}`,
    emailDomain: `${tag}.test`,
    accounts: options.accounts ?? 40,
    days: options.days ?? 30,
    today: TEST_TODAY,
    teams: [
      { name: "Enterprise Team", segment: "enterprise", csms: 2 },
      { name: "Mid Team", segment: "mid-market", csms: 2 },
      { name: "SMB Team", segment: "smb", csms: 2 },
    ],
  });
  sharedHash ??= hashPassword(TEST_PASSWORD);
  const created = await persistOrgPlan(plan, {
    password: TEST_PASSWORD,
    today: TEST_TODAY,
    sharedPasswordHash: await sharedHash,
  });

  const emailOf = (key: string) => plan.users.find((u) => u.key === key)!.email;

  /** The tenant context exactly as a signed-in request of that user builds it. */
  async function contextFor(userKey: string): Promise<TenantContext> {
    const session = await createAuthSession({ userId: created.userIds[userKey]! });
    const principal = await loadSessionPrincipal(session.id);
    if (!principal) throw new Error(`no principal for ${userKey}`);
    const resolved = tenantFromPrincipal({ ...principal, activeOrganizationId: created.organizationId });
    if (!resolved) throw new Error(`${userKey} has no organisation`);
    return resolved.tenant;
  }

  return { plan, ...created, emailOf, contextFor };
}

export type TestOrg = Awaited<ReturnType<typeof createTestOrg>>;

/** Publishes the demo Health model as the organisation's "health" scorecard, which most tests score with. */
export function publishHealthScorecard(organizationId: string) {
  return createPublishedScorecard(organizationId, {
    key: "health",
    name: "Health",
    definition: DEMO_HEALTH_MODEL,
    changeNote: "test",
  });
}
