import { DEMO_METRICS, type DemoMetric } from "./metrics";
import { companyNames, personName, slugify } from "./names";
import { clamp, Random } from "./random";

const DAY = 86_400_000;

export interface OrgPlanOptions {
  seed: number;
  name: string;
  slug: string;
  /** Domain of the demo users' emails, e.g. "acme.example". */
  emailDomain: string;
  accounts: number;
  /** Days of observation history ending at `today`. */
  days: number;
  /** Midnight UTC of the last day of history. */
  today: Date;
  teams: { name: string; segment: SegmentKey; csms: number }[];
  viewer?: boolean;
}

export type SegmentKey = "enterprise" | "mid-market" | "smb";
export type Pattern = "steady" | "churner" | "recovering" | "declining" | "improving";

export interface PlannedUser {
  key: string;
  name: string;
  email: string;
  role: "owner" | "admin" | "manager" | "csm" | "viewer";
  teamIndex: number | null;
}

export interface PlannedAccount {
  externalId: string;
  name: string;
  domain: string;
  ownerKey: string | null;
  teamIndex: number;
  segment: SegmentKey;
  arr: number;
  seats: number;
  activeUsers: number | null;
  plan: string;
  region: string;
  startDate: Date;
  renewalDate: Date;
  status: "active" | "churned";
  pattern: Pattern;
  traits: Record<string, string | number | boolean>;
}

/** Observations in columns, so a large plan stays compact. */
export interface PlannedObservations {
  account: number[];
  metric: string[];
  observedAt: Date[];
  value: (number | null)[];
  text: (string | null)[];
}

export interface PlannedOutcome {
  account: number;
  kind: "renewed" | "churned" | "expanded" | "contracted";
  occurredOn: Date;
  arrBefore: number;
  arrAfter: number;
}

export interface OrgPlan {
  name: string;
  slug: string;
  teams: string[];
  users: PlannedUser[];
  metrics: DemoMetric[];
  accounts: PlannedAccount[];
  observations: PlannedObservations;
  outcomes: PlannedOutcome[];
}

const SEGMENT_SHAPE: Record<
  SegmentKey,
  { share: number; arr: [number, number]; pricePerSeat: [number, number]; plans: string[]; health: number }
> = {
  enterprise: { share: 0.15, arr: [100_000, 600_000], pricePerSeat: [250, 600], plans: ["Enterprise"], health: 0.64 },
  "mid-market": {
    share: 0.35,
    arr: [25_000, 100_000],
    pricePerSeat: [200, 450],
    plans: ["Business", "Business Plus"],
    health: 0.6,
  },
  smb: { share: 0.5, arr: [3_000, 25_000], pricePerSeat: [150, 400], plans: ["Starter", "Team"], health: 0.56 },
};
const REGIONS = ["North America", "EMEA", "APAC", "LATAM"];
const INDUSTRIES = ["Software", "Healthcare", "Finance", "Retail", "Manufacturing", "Education", "Logistics", "Media"];

const logUniform = (rng: Random, [lo, hi]: [number, number]) => Math.exp(rng.between(Math.log(lo), Math.log(hi)));
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);

function nextAnniversary(start: Date, onOrAfter: Date): Date {
  const d = new Date(start);
  while (d < onOrAfter) d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d;
}

function seasonalDip(day: Date): number {
  const start = Date.UTC(day.getUTCFullYear(), 0, 1);
  const doy = (day.getTime() - start) / DAY;
  return 0.07 * Math.exp(-(((doy - 358) / 9) ** 2)) + 0.045 * Math.exp(-(((doy - 222) / 14) ** 2));
}

/** Latent health on day offset `t` (0 = today, negative = past) for one account's pattern. */
function healthAt(base: number, pattern: Pattern, t: number, churnDay: number, day: Date): number {
  let h = base;
  if (pattern === "churner") h = t < churnDay - 100 ? base : base - (base - 0.1) * ((t - (churnDay - 100)) / 100);
  else if (pattern === "recovering") {
    if (t >= -150 && t < -90) h = base - 0.32 * ((t + 150) / 60);
    else if (t >= -90 && t < -20) h = base - 0.32 * (1 - (t + 90) / 70);
  } else if (pattern === "declining" && t > -60) h = base - 0.38 * ((t + 60) / 60);
  else if (pattern === "improving") h = base - 0.22 * (-t / 180);
  return clamp(h - seasonalDip(day), 0.02, 0.98);
}

function buildUsers(o: OrgPlanOptions, rng: Random): PlannedUser[] {
  const at = (local: string) => `${local}@${o.emailDomain}`;
  const users: PlannedUser[] = [
    { key: "owner", name: personName(rng), email: at("owner"), role: "owner", teamIndex: null },
    { key: "admin", name: personName(rng), email: at("admin"), role: "admin", teamIndex: null },
  ];
  o.teams.forEach((team, ti) => {
    const slug = slugify(team.name);
    users.push({
      key: `manager:${ti}`,
      name: personName(rng),
      email: at(`manager.${slug}`),
      role: "manager",
      teamIndex: ti,
    });
    for (let c = 1; c <= team.csms; c++) {
      users.push({
        key: `csm:${ti}:${c}`,
        name: personName(rng),
        email: at(`csm${c}.${slug}`),
        role: "csm",
        teamIndex: ti,
      });
    }
  });
  if (o.viewer !== false)
    users.push({ key: "viewer", name: personName(rng), email: at("viewer"), role: "viewer", teamIndex: null });
  return users;
}

function pickSegment(rng: Random): SegmentKey {
  const x = rng.next();
  if (x < SEGMENT_SHAPE.enterprise.share) return "enterprise";
  return x < SEGMENT_SHAPE.enterprise.share + SEGMENT_SHAPE["mid-market"].share ? "mid-market" : "smb";
}

function pickPattern(rng: Random): Pattern {
  const x = rng.next();
  if (x < 0.07) return "churner";
  if (x < 0.17) return "recovering";
  if (x < 0.23) return "declining";
  if (x < 0.31) return "improving";
  return "steady";
}

/** A whole demo organisation, deterministic in `options.seed`. */
export function generateOrgPlan(o: OrgPlanOptions): OrgPlan {
  const rng = new Random(o.seed);
  const users = buildUsers(o, rng);
  const names = companyNames(rng, o.accounts);
  const accounts: PlannedAccount[] = [];
  const outcomes: PlannedOutcome[] = [];
  const obs: PlannedObservations = { account: [], metric: [], observedAt: [], value: [], text: [] };
  const firstDay = addDays(o.today, -(o.days - 1));

  for (let i = 0; i < o.accounts; i++) {
    const segment = pickSegment(rng);
    const shape = SEGMENT_SHAPE[segment];
    const teamIndex = Math.max(
      0,
      o.teams.findIndex((t) => t.segment === segment),
    );
    const csms = users.filter((u) => u.role === "csm" && u.teamIndex === teamIndex);
    const arr = Math.round(logUniform(rng, shape.arr) / 100) * 100;
    const seats = Math.max(3, Math.round(arr / rng.between(...shape.pricePerSeat)));
    const pattern = pickPattern(rng);
    const base = clamp(rng.normal(shape.health, 0.14), 0.25, 0.95);
    const startDate = addDays(o.today, -rng.int(20, 1500));
    const churnDay = pattern === "churner" ? -rng.int(10, Math.min(170, o.days - 10)) : 1;
    const churnDate = addDays(o.today, churnDay);
    const churned = pattern === "churner" && startDate < addDays(churnDate, -120);
    const effectivePattern: Pattern = pattern === "churner" && !churned ? "declining" : pattern;
    const name = names[i]!;
    const account: PlannedAccount = {
      externalId: `${o.slug.toUpperCase()}-${String(i + 1).padStart(5, "0")}`,
      name,
      domain: `${slugify(name.split(" ")[0]!)}${i}.example.com`,
      ownerKey: csms.length && rng.next() > 0.02 ? rng.pick(csms).key : null,
      teamIndex,
      segment,
      arr,
      seats,
      activeUsers: null,
      plan: rng.pick(shape.plans),
      region: rng.pick(REGIONS),
      startDate,
      renewalDate: churned ? churnDate : nextAnniversary(startDate, o.today),
      status: churned ? "churned" : "active",
      pattern: effectivePattern,
      traits: { industry: rng.pick(INDUSTRIES), employees: seats * rng.int(3, 12), executive_sponsor: rng.chance(0.7) },
    };
    accounts.push(account);

    for (const metric of DEMO_METRICS) {
      const phase = rng.int(0, metric.cadence - 1);
      for (let t = -(o.days - 1); t <= 0; t++) {
        if ((t + phase) % metric.cadence !== 0) continue;
        const day = addDays(o.today, t);
        if (day < startDate || (churned && t > churnDay)) continue;
        const h = healthAt(base, effectivePattern, t, churnDay, day);
        const sample = metric.sample(h, account, rng);
        obs.account.push(i);
        obs.metric.push(metric.key);
        obs.observedAt.push(day);
        obs.value.push(sample.value);
        obs.text.push(sample.text ?? null);
        if (metric.key === "weekly_active_users") account.activeUsers = sample.value;
      }
    }

    if (churned) outcomes.push({ account: i, kind: "churned", occurredOn: churnDate, arrBefore: arr, arrAfter: 0 });
    else {
      const anniversary = nextAnniversary(startDate, addDays(o.today, -365));
      if (anniversary < o.today && anniversary > startDate) {
        const h = healthAt(
          base,
          effectivePattern,
          Math.max(-(o.days - 1), (anniversary.getTime() - o.today.getTime()) / DAY),
          churnDay,
          anniversary,
        );
        const kind = h > 0.7 && rng.chance(0.4) ? "expanded" : h < 0.45 && rng.chance(0.4) ? "contracted" : "renewed";
        const factor = kind === "expanded" ? rng.between(1.1, 1.4) : kind === "contracted" ? rng.between(0.6, 0.9) : 1;
        outcomes.push({
          account: i,
          kind,
          occurredOn: anniversary,
          arrBefore: Math.round(arr / factor / 100) * 100,
          arrAfter: arr,
        });
      }
    }
  }
  void firstDay;
  return {
    name: o.name,
    slug: o.slug,
    teams: o.teams.map((t) => t.name),
    users,
    metrics: DEMO_METRICS,
    accounts,
    observations: obs,
    outcomes,
  };
}

/** The realistic demo organisation `npm start` loads. */
export function demoOrgOptions(today: Date): OrgPlanOptions {
  return {
    seed: 20261122,
    name: "Acme Cloud",
    slug: "acme",
    emailDomain: "acme.example",
    accounts: 800,
    days: 180,
    today,
    teams: [
      { name: "Strategic", segment: "enterprise", csms: 2 },
      { name: "Growth", segment: "mid-market", csms: 2 },
      { name: "Scale", segment: "smb", csms: 2 },
    ],
  };
}

/** The second, smaller organisation, which must stay invisible to the first. */
export function secondOrgOptions(today: Date): OrgPlanOptions {
  return {
    seed: 77,
    name: "Globex Logistics",
    slug: "globex",
    emailDomain: "globex.example",
    accounts: 40,
    days: 60,
    today,
    teams: [{ name: "Customer Success", segment: "smb", csms: 1 }],
    viewer: false,
  };
}

export function utcMidnight(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}
