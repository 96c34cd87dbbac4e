import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INBOX_PAGE_SIZE, listAccountAlerts, listAssignees, listInbox, countWaitingAlerts } from "@/lib/db/alert-inbox";
import { listRulesWithOutcomes } from "@/lib/db/alert-rules";
import { db } from "@/lib/db/client";
import { listActiveOverrides } from "@/lib/db/overrides";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { buildDigest, sendDueDigests } from "@/lib/services/alerts/digest";
import { workAlert } from "@/lib/services/alerts/inbox";
import { createRule } from "@/lib/services/alerts/rules";
import { createOverride, overrideInputSchema, revokeOverride } from "@/lib/services/overrides";
import { recomputeOrganization } from "@/lib/services/scoring/recompute";
import { runDueWork } from "@/lib/services/scoring/scheduler";
import { ruleFormSchema, inboxQuerySchema } from "@/lib/validation/alerts";
import { createTestOrg, publishHealthScorecard, type TestOrg } from "../support/factories";
import { startTestSmtp } from "../support/smtp";

let org: TestOrg;
let scorecardId: string;
let account: { id: string; ownerKey: string; teamCsm: string; managerKey: string };
const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

beforeAll(async () => {
  org = await createTestOrg({ accounts: 20, days: 10, seed: 91 });
  ({ scorecardId } = await publishHealthScorecard(org.organizationId));
  await runDueWork(new Date(), [org.organizationId]);
  // A rule every account trips: coverage is low this far after the generated history.
  await createRule(
    await org.contextFor("admin"),
    ruleFormSchema.parse({
      name: "Missing data",
      kind: "coverage_below",
      scorecardId,
      severity: "medium",
      cooldownHours: "24",
      percent: "100",
      margin: "0",
    }),
  );
  await recomputeOrganization(org.organizationId, { trigger: "test" });
  const index = org.plan.accounts.findIndex((a) => a.status === "active" && a.ownerKey);
  const owner = org.plan.users.find((u) => u.key === org.plan.accounts[index]!.ownerKey)!;
  const teamCsm = org.plan.users.find(
    (u) => u.role === "csm" && u.teamIndex === owner.teamIndex && u.key !== owner.key,
  )!;
  const manager = org.plan.users.find((u) => u.role === "manager" && u.teamIndex === owner.teamIndex)!;
  account = { id: org.accountIds[index]!, ownerKey: owner.key, teamCsm: teamCsm.key, managerKey: manager.key };
});

/** The target account's snapshot of one day. */
const snapshotOn = (day: Date) =>
  db().scoreSnapshot.findUniqueOrThrow({
    where: {
      organizationId_scorecardId_day_accountId: {
        organizationId: org.organizationId,
        scorecardId,
        accountId: account.id,
        day,
      },
    },
  });
const alertOf = (accountId: string) =>
  db().alert.findFirstOrThrow({ where: { organizationId: org.organizationId, accountId } });

describe("alert inbox", () => {
  it("routes each alert to the account's owner: mine for the CSM, the team's for the manager, all for admins", async () => {
    const owner = await org.contextFor(account.ownerKey);
    const q = inboxQuerySchema.parse({});
    const mine = await listInbox(owner, "mine", q);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((a) => a.assigneeId === owner.userId)).toBe(true);
    expect(mine.items.some((a) => a.accountId === account.id)).toBe(true);
    expect(await countWaitingAlerts(owner)).toBe(mine.total);

    const manager = await org.contextFor(account.managerKey);
    const team = await listInbox(manager, "team", q);
    expect(team.items.some((a) => a.accountId === account.id)).toBe(true);
    const teamAccounts = await db().account.findMany({
      where: {
        organizationId: org.organizationId,
        teamId: { in: manager.scope.kind === "teams" ? manager.scope.teamIds : [] },
      },
      select: { id: true },
    });
    expect(team.items.every((a) => teamAccounts.some((t) => t.id === a.accountId))).toBe(true);

    const all = await listInbox(await org.contextFor("admin"), "all", q);
    expect(all.total).toBe(await db().alert.count({ where: { organizationId: org.organizationId, status: "open" } }));
  });

  it("names each alert's account, rule and assignee, in the inbox's order and on the account page", async () => {
    const admin = await org.contextFor("admin");
    const all = await listInbox(admin, "all", inboxQuerySchema.parse({}));
    const expected = await db().alert.findMany({
      where: { organizationId: org.organizationId, status: { in: ["open", "acknowledged"] } },
      orderBy: [{ severity: "desc" }, { raisedAt: "desc" }, { id: "asc" }],
      take: INBOX_PAGE_SIZE,
    });
    expect(all.items.map((a) => a.id)).toEqual(expected.map((a) => a.id));
    const names = new Map(
      [
        ...(await db().account.findMany({ where: { organizationId: org.organizationId } })),
        ...(await db().user.findMany({ where: { memberships: { some: { organizationId: org.organizationId } } } })),
      ].map((x) => [x.id, x.name]),
    );
    for (const [i, a] of all.items.entries()) {
      const row = expected[i]!;
      expect(a).toMatchObject({
        accountId: row.accountId,
        accountName: names.get(row.accountId),
        ruleName: "Missing data",
        status: row.status,
        severity: row.severity,
        assigneeId: row.assigneeId,
        assigneeName: row.assigneeId ? names.get(row.assigneeId) : null,
        raisedAt: row.raisedAt.toISOString(),
        resolvedAt: null,
      });
    }

    // Filters and pages narrow the same list.
    const rule = await db().alertRule.findFirstOrThrow({ where: { organizationId: org.organizationId } });
    const filtered = async (q: Record<string, string>) =>
      (await listInbox(admin, "all", inboxQuerySchema.parse(q))).total;
    expect(await filtered({ severity: "medium" })).toBe(all.total);
    expect(await filtered({ severity: "high" })).toBe(0);
    expect(await filtered({ rule: rule.id })).toBe(all.total);
    expect(await filtered({ status: "resolved" })).toBe(all.counts.resolved ?? 0);
    const second = await listInbox(admin, "all", inboxQuerySchema.parse({ page: "2" }));
    expect(second.items.map((a) => a.id)).toEqual(
      (
        await db().alert.findMany({
          where: { organizationId: org.organizationId, status: { in: ["open", "acknowledged"] } },
          orderBy: [{ severity: "desc" }, { raisedAt: "desc" }, { id: "asc" }],
          skip: INBOX_PAGE_SIZE,
          take: INBOX_PAGE_SIZE,
        })
      ).map((a) => a.id),
    );

    const onAccount = await listAccountAlerts(admin, account.id);
    const rows = await db().alert.findMany({
      where: { organizationId: org.organizationId, accountId: account.id },
      orderBy: [{ raisedAt: "desc" }, { id: "asc" }],
    });
    expect(onAccount.map((a) => a.id)).toEqual(rows.map((r) => r.id));
    expect(onAccount.every((a) => a.accountName === names.get(account.id))).toBe(true);
    expect(
      await listAccountAlerts(admin, (await createTestOrg({ accounts: 1, days: 1, seed: 3 })).accountIds[0]!),
    ).toEqual([]);

    const members = await db().membership.findMany({
      where: { organizationId: org.organizationId, disabledAt: null, role: { not: "viewer" } },
      orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
      include: { user: true },
    });
    expect(members.length).toBeGreaterThan(1);
    expect(await listAssignees(admin)).toEqual(members.map((m) => ({ id: m.userId, name: m.user.name })));
  });

  it("lets the owner acknowledge, snooze and resolve; a colleague outside the book gets not found", async () => {
    const owner = await org.contextFor(account.ownerKey);
    const alert = await alertOf(account.id);
    await expect(
      workAlert(await org.contextFor(account.teamCsm), { op: "acknowledge", alertId: alert.id }),
    ).rejects.toThrow(NotFoundError);
    const other = await createTestOrg({ accounts: 2, days: 2, seed: 5 });
    await expect(workAlert(await other.contextFor("admin"), { op: "acknowledge", alertId: alert.id })).rejects.toThrow(
      "Alert not found.",
    );

    await workAlert(owner, { op: "acknowledge", alertId: alert.id });
    expect(await alertOf(account.id)).toMatchObject({ status: "acknowledged" });
    const past = await workAlert(owner, { op: "snooze", alertId: alert.id, until: isoDay(Date.now() - DAY) }).catch(
      (e: unknown) => e,
    );
    expect(past).toBeInstanceOf(ValidationError);
    expect((past as ValidationError).fieldErrors).toHaveProperty("until");

    const now = new Date();
    await workAlert(owner, { op: "snooze", alertId: alert.id, until: isoDay(now.getTime() + 2 * DAY) }, now);
    expect(await alertOf(account.id)).toMatchObject({ status: "snoozed" });
    // The worker reopens it once the day has come.
    await runDueWork(new Date(now.getTime() + 3 * DAY), [org.organizationId]);
    expect(await alertOf(account.id)).toMatchObject({ status: "open", snoozedUntil: null });

    await workAlert(owner, { op: "resolve", alertId: alert.id, resolution: "action_taken" });
    expect(await alertOf(account.id)).toMatchObject({
      status: "resolved",
      resolution: "action_taken",
      resolvedById: owner.userId,
    });
    const audit = await db().auditLog.findMany({
      where: { organizationId: org.organizationId, entityId: alert.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["alert.acknowledge", "alert.snooze", "alert.resolve"]);
  });

  it("assigns only to members who work alerts, and shows per rule how many alerts led to action", async () => {
    const admin = await org.contextFor("admin");
    const second = await db().alert.findFirstOrThrow({
      where: { organizationId: org.organizationId, status: "open", accountId: { not: account.id } },
    });
    const viewer = org.userIds.viewer!;
    const refused = await workAlert(admin, { op: "assign", alertId: second.id, assigneeId: viewer }).catch(
      (e: unknown) => e,
    );
    expect((refused as ValidationError).fieldErrors).toEqual({ assigneeId: ["cannot work alerts"] });
    await workAlert(admin, { op: "assign", alertId: second.id, assigneeId: org.userIds[account.teamCsm]! });
    await workAlert(admin, { op: "resolve", alertId: second.id, resolution: "not_actionable" });
    const [rule] = await listRulesWithOutcomes(admin);
    expect(rule).toMatchObject({ name: "Missing data", actionTaken: 1, notActionable: 1 });
    expect(rule!.raised).toBe(await db().alert.count({ where: { organizationId: org.organizationId } }));
  });
});

describe("overrides", () => {
  it("lets the owner override with a reason and expiry; both values are kept; expiry restores the computed score", async () => {
    const owner = await org.contextFor(account.ownerKey);
    const input = overrideInputSchema.parse({
      accountId: account.id,
      scorecardId,
      score: "88",
      reason: "Exec sponsor confirmed renewal on the QBR call",
      expiresOn: isoDay(Date.now() + DAY),
    });
    // A manager of the team may read the account but only admins and the owner override.
    await expect(createOverride(await org.contextFor(account.managerKey), input)).rejects.toThrow(ForbiddenError);
    await expect(createOverride(await org.contextFor(account.teamCsm), input)).rejects.toThrow(NotFoundError);
    const bad = await createOverride(owner, { ...input, score: 250 }).catch((e: unknown) => e);
    expect((bad as ValidationError).fieldErrors).toEqual({ score: ["must be from 0 to 100"] });

    const created = await createOverride(owner, input);
    expect(created).toMatchObject({ score: 88, tierKey: "healthy" });
    const active = await listActiveOverrides(owner, account.id);
    const me = await db().user.findUniqueOrThrow({ where: { id: owner.userId } });
    expect(active).toEqual([
      expect.objectContaining({ score: 88, reason: input.reason, authorId: owner.userId, authorName: me.name }),
    ]);
    const today = new Date(new Date().toISOString().slice(0, 10));
    const snapshot = await snapshotOn(today);
    expect(snapshot).toMatchObject({ overriddenScore: 88, overriddenTier: "healthy" });
    expect(snapshot.score).not.toBe(88);
    expect(
      await db().auditLog.count({
        where: { organizationId: org.organizationId, action: "score.override", entityId: account.id },
      }),
    ).toBe(1);

    // After the expiry the account shows its computed score again, and the next day's run scores without it.
    const later = new Date(Date.now() + 2 * DAY);
    expect(await listActiveOverrides(owner, account.id, later)).toEqual([]);
    await recomputeOrganization(org.organizationId, { trigger: "test", now: later, accountIds: [account.id] });
    const next = await snapshotOn(new Date(later.toISOString().slice(0, 10)));
    expect(next).toMatchObject({ overriddenScore: null, overriddenTier: null });
    const future = { organizationId: org.organizationId, day: { gt: today } };
    await db().scoreSnapshot.deleteMany({ where: future });
    await db().scoreExplanation.deleteMany({ where: future });
    await recomputeOrganization(org.organizationId, { trigger: "test", accountIds: [account.id] });
  });

  it("an admin can end an override early, audited", async () => {
    const admin = await org.contextFor("admin");
    const [active] = await listActiveOverrides(admin, account.id);
    await revokeOverride(admin, active!.id);
    expect(await listActiveOverrides(admin, account.id)).toEqual([]);
    const today = new Date(new Date().toISOString().slice(0, 10));
    const snapshot = await snapshotOn(today);
    expect(snapshot.overriddenScore).toBeNull();
    await expect(revokeOverride(admin, active!.id)).rejects.toThrow("This override has already ended.");
  });
});

describe("daily digest", () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  beforeAll(async () => {
    smtp = await startTestSmtp();
  });
  afterAll(() => smtp.stop());

  it("shows each user their alerts in the app, and emails it once a day when SMTP is configured", async () => {
    const owner = await org.contextFor(account.ownerKey);
    const digest = await buildDigest(owner);
    const open = await db().alert.count({
      where: { organizationId: org.organizationId, assigneeId: owner.userId, status: { in: ["open", "acknowledged"] } },
    });
    expect(digest.newAlerts.total + digest.openAlerts.total).toBe(open);
    expect(open).toBeGreaterThan(0);

    const at = new Date();
    at.setUTCHours(23, 0, 0, 0);
    const sent = await sendDueDigests(at, [org.organizationId]);
    const email = org.emailOf(account.ownerKey);
    expect(sent).toContain(`digest sent to ${email}`);
    const mail = smtp.mails.find((m) => m.to === email)!;
    expect(mail.body).toMatch(/Subject: Pulseboard digest: \d+ new, \d+ open alerts/);
    expect(mail.body).toContain(digest.newAlerts.items[0]?.title ?? digest.openAlerts.items[0]!.title);
    // Once per day, however often the worker passes.
    expect(await sendDueDigests(at, [org.organizationId])).toEqual([]);
  });
});
