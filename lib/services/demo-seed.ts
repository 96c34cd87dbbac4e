import { addMembershipByEmail, organizationExists, persistOrgPlan, resetDatabase } from "../db/factories";
import { createPublishedScorecard } from "../db/scorecards";
import { demoOrgOptions, generateOrgPlan, secondOrgOptions, utcMidnight } from "../demo/generate";
import { DEMO_HEALTH_MODEL } from "../demo/health-model";
import { DEMO_ALERT_RULES } from "../demo/alert-rules";
import { utcDay } from "../dates";
import { ruleFormSchema } from "../validation/alerts";
import { evaluateAlerts } from "./alerts/evaluate";
import { createRule } from "./alerts/rules";
import { publishedTiers } from "./alerts/tiers";
import { backfillHistory } from "./scoring/backfill";

export const DEMO_PASSWORD = "pulseboard-demo";

export interface DemoLogin {
  organization: string;
  role: string;
  email: string;
  name: string;
}

/**
 * Loads the demo organisations unless they are already there (or `reset`).
 * Deterministic for a given day: the history always ends "today".
 */
export async function seedDemo(options: { reset?: boolean; today?: Date; log?: (line: string) => void } = {}) {
  const log = options.log ?? (() => {});
  const today = utcMidnight(options.today ?? new Date());
  if (options.reset) await resetDatabase();
  const acme = generateOrgPlan(demoOrgOptions(today));
  const globex = generateOrgPlan(secondOrgOptions(today));
  let created = false;
  if (!(await organizationExists(acme.slug))) {
    const started = Date.now();
    const a = await persistOrgPlan(acme, { password: DEMO_PASSWORD, today });
    const g = await persistOrgPlan(globex, { password: DEMO_PASSWORD, today });
    // One person in two organisations, to show switching between them.
    await addMembershipByEmail(g.organizationId, acme.users.find((u) => u.role === "admin")!.email, "viewer");
    log(
      `Loaded ${acme.name} (${acme.accounts.length} accounts, ${acme.observations.account.length} observations) and ${globex.name} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    await scoreDemoHistory(
      [
        [a, acme.name, 180],
        [g, globex.name, 60],
      ],
      today,
      log,
    );
    await seedAlertRules(a, log);
    created = true;
  }
  const logins: DemoLogin[] = [acme, globex].flatMap((plan) =>
    plan.users.map((u) => ({ organization: plan.name, role: u.role, email: u.email, name: u.name })),
  );
  return { created, logins };
}

/** Publishes the Health scorecard in each demo organisation and scores its history. */
async function scoreDemoHistory(
  orgs: [{ organizationId: string; userIds: Record<string, string> }, string, number][],
  today: Date,
  log: (line: string) => void,
) {
  const started = Date.now();
  for (const [org, name, days] of orgs) {
    await createPublishedScorecard(org.organizationId, {
      key: "health",
      name: "Health",
      description: "Overall customer health across usage, engagement, support, financials and sentiment.",
      definition: DEMO_HEALTH_MODEL,
      changeNote: "First version, from the B2B SaaS health template.",
      userId: org.userIds.admin,
    });
    const result = await backfillHistory(org.organizationId, { days, today });
    log(`Scored ${name}: ${result.snapshots.toLocaleString("en-US")} daily snapshots over ${days} days.`);
  }
  log(`Scoring the history took ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

/** Acme's alert rules, run once over today's scores so the inbox has work in it. */
async function seedAlertRules(
  org: { organizationId: string; userIds: Record<string, string> },
  log: (line: string) => void,
) {
  const ctx = {
    organizationId: org.organizationId,
    userId: org.userIds.admin!,
    role: "admin" as const,
    scope: { kind: "organization" as const },
  };
  const tiers = await publishedTiers(org.organizationId);
  const scorecardId = [...tiers.keys()][0]!;
  for (const rule of DEMO_ALERT_RULES) await createRule(ctx, ruleFormSchema.parse({ ...rule, scorecardId }));
  const now = new Date();
  const result = await evaluateAlerts(org.organizationId, { now, day: utcDay(now), tiers, accountIds: null });
  log(`Alert rules: ${DEMO_ALERT_RULES.length}, raising ${result.raised} alerts on today's scores.`);
}

export function formatLogins(logins: DemoLogin[]): string {
  const width = Math.max(...logins.map((l) => l.email.length));
  const lines = logins.map(
    (l) => `  ${l.organization.padEnd(17)} ${l.role.padEnd(8)} ${l.email.padEnd(width)}  ${l.name}`,
  );
  return [`Demo logins (password for all: ${DEMO_PASSWORD}):`, ...lines].join("\n");
}
