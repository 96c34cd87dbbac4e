import { randomUUID } from "node:crypto";
import { hashPassword } from "../auth/password";
import type { OrgPlan } from "../demo/generate";
import { placeAccount } from "../segments/placement";
import type { RuleAccount } from "../segments/rules";
import { db } from "./client";
import { insertObservations } from "./observations";

export interface CreatedOrg {
  organizationId: string;
  /** Planned user key → user id. */
  userIds: Record<string, string>;
  accountIds: string[];
  teamIds: string[];
  metricIds: Record<string, string>;
  segmentIds: Record<string, string>;
  stageIds: Record<string, string>;
}

const SEGMENTS = [
  {
    key: "enterprise",
    name: "Enterprise",
    description: "ARR of $100k or more",
    rule: { all: [{ field: "arr", op: "gte", value: 100_000 }] },
  },
  {
    key: "mid-market",
    name: "Mid-market",
    description: "ARR from $25k to under $100k",
    rule: {
      all: [
        { field: "arr", op: "gte", value: 25_000 },
        { field: "arr", op: "lt", value: 100_000 },
      ],
    },
  },
  {
    key: "smb",
    name: "SMB",
    description: "ARR under $25k",
    rule: { all: [{ field: "arr", op: "lt", value: 25_000 }] },
  },
];

/** Stages in evaluation order; the first whose rule matches applies. */
const STAGES = [
  { key: "onboarding", name: "Onboarding", rule: { all: [{ field: "tenureDays", op: "lt", value: 90 }] } },
  { key: "renewal", name: "Renewal", rule: { all: [{ field: "daysToRenewal", op: "lte", value: 90 }] } },
  { key: "adoption", name: "Adoption", rule: { all: [{ field: "tenureDays", op: "lt", value: 365 }] } },
  { key: "mature", name: "Mature", rule: null },
];

const STAGE_RULES = { segments: [], stages: STAGES.map((s) => ({ id: s.key, ...s })) };

/** The stage the stage rules give an account as of `today` (the demo's stages end with a catch-all). */
function stageFor(account: RuleAccount, today: Date): string {
  return STAGES[placeAccount(account, STAGE_RULES, today).stage!]!.key;
}

export interface PersistOptions {
  password: string;
  today: Date;
  /** Reuse one hash for every user (tests: hashing is deliberately slow). */
  sharedPasswordHash?: string;
  /** Users that already exist and join as members instead (email → role override). */
  existingUsers?: Record<string, string>;
}

/**
 * Writes a planned organisation: the same factory the seed and the tests use.
 * Accounts, memberships and structure through Prisma; observations set-based.
 */
export async function persistOrgPlan(plan: OrgPlan, opts: PersistOptions): Promise<CreatedOrg> {
  const prisma = db();
  const org = await prisma.organization.create({ data: { name: plan.name, slug: plan.slug }, select: { id: true } });
  const organizationId = org.id;

  const teamIds = plan.teams.map(() => randomUUID());
  await prisma.team.createMany({ data: plan.teams.map((name, i) => ({ organizationId, id: teamIds[i]!, name })) });

  const userIds: Record<string, string> = {};
  for (const u of plan.users) {
    const existing = await prisma.user.findUnique({ where: { email: u.email }, select: { id: true } });
    const passwordHash = opts.sharedPasswordHash ?? (await hashPassword(opts.password));
    const user =
      existing ??
      (await prisma.user.create({ data: { email: u.email, name: u.name, passwordHash }, select: { id: true } }));
    userIds[u.key] = user.id;
    await prisma.membership.create({ data: { organizationId, userId: user.id, role: u.role } });
    if (u.teamIndex !== null) {
      await prisma.teamMembership.create({
        data: { organizationId, teamId: teamIds[u.teamIndex]!, userId: user.id, isManager: u.role === "manager" },
      });
    }
  }

  const segmentIds: Record<string, string> = {};
  for (const s of SEGMENTS) segmentIds[s.key] = randomUUID();
  await prisma.segment.createMany({
    data: SEGMENTS.map((s) => ({
      organizationId,
      id: segmentIds[s.key]!,
      key: s.key,
      name: s.name,
      description: s.description,
      rule: s.rule,
    })),
  });

  const stageIds: Record<string, string> = {};
  for (const s of STAGES) stageIds[s.key] = randomUUID();
  await prisma.lifecycleStage.createMany({
    data: STAGES.map((s, position) => ({
      organizationId,
      id: stageIds[s.key]!,
      key: s.key,
      name: s.name,
      position,
      rule: s.rule ?? undefined,
    })),
  });

  const metricIds: Record<string, string> = {};
  for (const m of plan.metrics) metricIds[m.key] = randomUUID();
  await prisma.metricDefinition.createMany({
    data: plan.metrics.map((m) => ({
      organizationId,
      id: metricIds[m.key]!,
      key: m.key,
      name: m.name,
      description: m.description,
      category: m.category,
      valueType: m.valueType,
      unit: m.unit,
      direction: m.direction,
      normalization: m.normalization,
      stalenessDays: m.stalenessDays,
      source: m.source,
      options: m.options ?? [],
    })),
  });

  const accountIds = plan.accounts.map(() => randomUUID());
  await prisma.account.createMany({
    data: plan.accounts.map((a, i) => ({
      organizationId,
      id: accountIds[i]!,
      externalId: a.externalId,
      name: a.name,
      domain: a.domain,
      ownerId: a.ownerKey ? userIds[a.ownerKey] : null,
      teamId: teamIds[a.teamIndex],
      arr: a.arr,
      seats: a.seats,
      activeUsers: a.activeUsers,
      plan: a.plan,
      region: a.region,
      startDate: a.startDate,
      renewalDate: a.renewalDate,
      status: a.status,
      traits: a.traits,
      lifecycleStageId: stageIds[stageFor(a, opts.today)],
    })),
  });
  await prisma.accountSegment.createMany({
    data: plan.accounts.map((a, i) => ({
      organizationId,
      segmentId: segmentIds[a.segment]!,
      accountId: accountIds[i]!,
      source: "rule" as const,
    })),
  });

  const o = plan.observations;
  await insertObservations(organizationId, {
    accountId: o.account.map((i) => accountIds[i]!),
    metricId: o.metric.map((k) => metricIds[k]!),
    observedAt: o.observedAt,
    value: o.value,
    textValue: o.text,
    source: "import",
  });

  await prisma.outcome.createMany({
    data: plan.outcomes.map((x) => ({
      organizationId,
      accountId: accountIds[x.account]!,
      kind: x.kind,
      occurredOn: x.occurredOn,
      arrBefore: x.arrBefore,
      arrAfter: x.arrAfter,
    })),
  });

  return { organizationId, userIds, accountIds, teamIds, metricIds, segmentIds, stageIds };
}

/** Whether an organisation with this slug exists (the seed runs once per database). */
export async function organizationExists(slug: string): Promise<boolean> {
  return (await db().organization.count({ where: { slug } })) > 0;
}

/** Adds an existing user to an organisation (demo: one person in two organisations). */
export async function addMembershipByEmail(
  organizationId: string,
  email: string,
  role: "owner" | "admin" | "manager" | "csm" | "viewer",
) {
  const user = await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  await db().membership.create({ data: { organizationId, userId: user.id, role } });
}

/** Empties the database (every table, every organisation) for a fresh demo load. */
export async function resetDatabase() {
  await db().$executeRawUnsafe(`DO $$ DECLARE r record; BEGIN
    FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' LOOP
      EXECUTE format('TRUNCATE TABLE %I CASCADE', r.tablename);
    END LOOP; END $$`);
}
