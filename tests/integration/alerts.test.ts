import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { ingest } from "@/lib/services/api/ingest";
import { createRule, updateRule } from "@/lib/services/alerts/rules";
import { recomputeOrganization } from "@/lib/services/scoring/recompute";
import { runDueWork } from "@/lib/services/scoring/scheduler";
import { deliverDueWebhooks } from "@/lib/services/webhooks/deliver";
import { createWebhook, sendTestEvent } from "@/lib/services/webhooks/manage";
import { ruleFormSchema } from "@/lib/validation/alerts";
import { verifySignature } from "@/lib/webhooks/signature";
import { createTestOrg, publishHealthScorecard, type TestOrg } from "../support/factories";

/** A webhook receiver on localhost: records each request; answers 500 while an event has failures queued, else 200. */
interface Received {
  event: string;
  signature: string;
  body: string;
}
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];
const failures: Record<string, number> = {};

let org: TestOrg;
let scorecardId: string;
let secret: string;
let target: { index: number; id: string; externalId: string; ownerId: string };

// Every numeric input, fresh, so coverage is full and the tier is a real one.
const GOOD = {
  weekly_active_users: 500,
  logins_per_user: 12,
  feature_adoption: 95,
  api_calls: 50_000,
  exec_meeting_days: 10,
  email_response_rate: 95,
  training_completion: 100,
  open_tickets: 0,
  p1_incidents_90d: 0,
  csat: 5,
  days_invoice_overdue: 0,
  nps: 10,
};
const BAD = {
  weekly_active_users: 1,
  logins_per_user: 0,
  feature_adoption: 2,
  api_calls: 0,
  exec_meeting_days: 400,
  email_response_rate: 3,
  training_completion: 0,
  open_tickets: 40,
  p1_incidents_90d: 6,
  csat: 1,
  days_invoice_overdue: 120,
  nps: 0,
};
let clock = Date.now() - 10 * 60_000;

/** Sends one set of values for the target account through the API path, then runs the worker as it would. */
async function pushValues(values: Record<string, number>, externalId = target.externalId) {
  const admin = await org.contextFor("admin");
  clock += 1000;
  const items = Object.entries(values).map(([metric, value]) => ({
    account: externalId,
    metric,
    observedAt: new Date(clock).toISOString(),
    value,
  }));
  expect(await ingest(admin, "observations", items)).toMatchObject({ rejected: [] });
  await runDueWork(new Date(), [org.organizationId]);
}

const currentScore = async () =>
  (
    await db().currentScore.findFirstOrThrow({
      where: { organizationId: org.organizationId, scorecardId, accountId: target.id },
    })
  ).score!;
const alertsOf = () =>
  db().alert.findMany({
    where: { organizationId: org.organizationId, accountId: target.id },
    orderBy: { raisedAt: "asc" },
  });

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      const event = String(req.headers["pulseboard-event"]);
      received.push({ event, signature: String(req.headers["pulseboard-signature"]), body });
      res.statusCode = (failures[event] ?? 0) > 0 ? 500 : 200;
      if (res.statusCode === 500) failures[event]! -= 1;
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

  org = await createTestOrg({ accounts: 20, days: 10, seed: 77 });
  ({ scorecardId } = await publishHealthScorecard(org.organizationId));
  await runDueWork(new Date(), [org.organizationId]);
  const index = org.plan.accounts.findIndex((a) => a.status === "active" && a.ownerKey);
  const account = org.plan.accounts[index]!;
  target = {
    index,
    id: org.accountIds[index]!,
    externalId: account.externalId,
    ownerId: org.userIds[account.ownerKey!]!,
  };
});

afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

describe("data change → recompute → alert → webhook", () => {
  it("raises one alert per episode, signs every delivery, retries a failed one and resolves on recovery", async () => {
    const admin = await org.contextFor("admin");
    const hook = await createWebhook(admin, {
      name: "Test receiver",
      url: receiverUrl,
      events: ["alert.raised", "alert.resolved", "tier.changed"],
    });
    secret = hook.secret;

    // Learn what good and bad inputs score for this account.
    await pushValues(GOOD);
    const good = await currentScore();
    await pushValues(BAD);
    const bad = await currentScore();
    expect(bad).toBeLessThan(good - 2);
    const threshold = (good + bad) / 2;
    const margin = Math.min(1, (good - bad) / 4);
    await createRule(
      admin,
      ruleFormSchema.parse({
        name: "Health below the line",
        kind: "score_below",
        scorecardId,
        severity: "high",
        cooldownHours: "0",
        threshold: String(threshold),
        margin: String(margin),
      }),
    );

    await pushValues(GOOD);
    expect(await alertsOf()).toEqual([]);

    received.length = 0;
    failures["alert.raised"] = 1; // the receiver fails the first attempt
    await pushValues(BAD);
    const [alert, ...more] = await alertsOf();
    expect(more).toEqual([]);
    expect(alert).toMatchObject({ status: "open", severity: "high", assigneeId: target.ownerId, scorecardId });
    expect(alert!.title).toMatch(/^Score [\d.]+ is below [\d.]+$/);

    // The same condition on the next recompute is the same episode: no second alert.
    await recomputeOrganization(org.organizationId, { trigger: "test", accountIds: [target.id] });
    expect(await alertsOf()).toHaveLength(1);

    const raised = received.filter((r) => r.event === "alert.raised");
    expect(raised).toHaveLength(1);
    const delivery = await db().webhookDelivery.findFirstOrThrow({
      where: { organizationId: org.organizationId, event: "alert.raised" },
    });
    expect(delivery).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500 });
    expect(delivery.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 30_000);

    // A minute later the worker retries and the receiver accepts it.
    await deliverDueWebhooks(new Date(Date.now() + 61_000), [org.organizationId]);
    const retried = received.filter((r) => r.event === "alert.raised");
    expect(retried).toHaveLength(2);
    const last = retried[1]!;
    const now = Math.floor(Date.now() / 1000);
    expect(verifySignature(secret, last.body, last.signature, now)).toEqual({ ok: true });
    expect(verifySignature("whsec_wrong", last.body, last.signature, now)).toMatchObject({ ok: false });
    const payload = JSON.parse(last.body);
    expect(payload).toMatchObject({
      event: "alert.raised",
      organizationId: org.organizationId,
      data: {
        alert: { id: alert!.id, severity: "high", rule: { name: "Health below the line" } },
        account: { id: target.id, externalId: target.externalId },
      },
    });
    expect(await db().webhookDelivery.findFirstOrThrow({ where: { id: delivery.id } })).toMatchObject({
      status: "delivered",
      attempts: 2,
      lastStatusCode: 200,
    });

    // Recovery past the margin ends the episode: the alert resolves itself and the receiver hears of it.
    await pushValues(GOOD);
    const [resolved] = await alertsOf();
    expect(resolved).toMatchObject({ status: "resolved", resolution: "recovered" });
    const ended = received.filter((r) => r.event === "alert.resolved");
    expect(ended).toHaveLength(1);
    expect(JSON.parse(ended[0]!.body).data.alert.id).toBe(alert!.id);
    expect(verifySignature(secret, ended[0]!.body, ended[0]!.signature, now)).toEqual({ ok: true });
  });

  it("sends tier.changed when an account's current tier moves", async () => {
    const ranked = ["at_risk", "attention", "healthy"];
    const second = org.plan.accounts.findIndex((a, i) => a.status === "active" && i !== target.index);
    await pushValues(BAD, org.plan.accounts[second]!.externalId);
    const [other] = await db().currentScore.findMany({
      where: {
        organizationId: org.organizationId,
        scorecardId,
        tierKey: { in: ranked },
        accountId: { not: target.id },
      },
      take: 1,
    });
    expect(other).toBeDefined();
    // As if the previous run had left the account a tier higher (or lower, for a healthy one).
    const earlier = other!.tierKey === "healthy" ? "attention" : "healthy";
    await db().currentScore.update({
      where: {
        organizationId_scorecardId_accountId: {
          organizationId: org.organizationId,
          scorecardId,
          accountId: other!.accountId,
        },
      },
      data: { tierKey: earlier },
    });
    received.length = 0;
    await recomputeOrganization(org.organizationId, { trigger: "test", accountIds: [other!.accountId] });
    await deliverDueWebhooks(new Date(), [org.organizationId]);
    const changes = received.filter((r) => r.event === "tier.changed").map((r) => JSON.parse(r.body));
    expect(changes).toHaveLength(1);
    expect(changes[0].data).toMatchObject({
      scorecardId,
      from: earlier,
      to: other!.tierKey,
      direction: ranked.indexOf(other!.tierKey) < ranked.indexOf(earlier) ? "down" : "up",
      account: { id: other!.accountId },
    });
  });

  it("sends a signed test event on demand and logs it", async () => {
    const admin = await org.contextFor("admin");
    const hook = await db().webhook.findFirstOrThrow({ where: { organizationId: org.organizationId } });
    received.length = 0;
    expect(await sendTestEvent(admin, hook.id)).toEqual({ ok: true, statusCode: 200 });
    expect(received).toHaveLength(1);
    expect(verifySignature(secret, received[0]!.body, received[0]!.signature, Math.floor(Date.now() / 1000))).toEqual({
      ok: true,
    });
    const other = await createTestOrg({ accounts: 2, days: 2, seed: 3 });
    await expect(sendTestEvent(await other.contextFor("admin"), hook.id)).rejects.toThrow("Webhook not found.");
  });
});

describe("alert rules", () => {
  it("refuses bad parameters naming the field, and another organisation's scorecard as not found", async () => {
    const admin = await org.contextFor("admin");
    const base = { name: "Drop", kind: "score_drop", scorecardId, severity: "medium", cooldownHours: "24" };
    const error = await createRule(admin, ruleFormSchema.parse({ ...base, points: "0", days: "7" })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ points: ["Points must be from 1 to 100"] });
    const other = await createTestOrg({ accounts: 2, days: 2, seed: 4 });
    await expect(
      createRule(await other.contextFor("admin"), ruleFormSchema.parse({ ...base, points: "5", days: "7" })),
    ).rejects.toThrow("Scorecard not found.");
  });

  it("updates a rule's parameters, audited before → after; another organisation's rule is not found", async () => {
    const admin = await org.contextFor("admin");
    const form = { name: "Coverage", kind: "coverage_below", scorecardId, severity: "low", cooldownHours: "24" };
    const { id } = await createRule(admin, ruleFormSchema.parse({ ...form, percent: "60" }));
    await updateRule(admin, id, ruleFormSchema.parse({ ...form, severity: "high", percent: "40", margin: "2" }));
    expect(
      await db().alertRule.findUniqueOrThrow({
        where: { organizationId_id: { organizationId: org.organizationId, id } },
      }),
    ).toMatchObject({
      severity: "high",
      params: { percent: 40, margin: 2 },
    });
    const audit = await db().auditLog.findFirstOrThrow({
      where: { organizationId: org.organizationId, action: "alertRule.update", entityId: id },
    });
    expect(audit.before).toMatchObject({ params: { percent: 60 } });
    expect(audit.after).toMatchObject({ params: { percent: 40 } });
    const other = await createTestOrg({ accounts: 2, days: 2, seed: 6 });
    await expect(
      updateRule(await other.contextFor("admin"), id, ruleFormSchema.parse({ ...form, percent: "10" })),
    ).rejects.toThrow("Alert rule not found.");
  });
});
