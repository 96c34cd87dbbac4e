import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { checkPage } from "./a11y";
import { columnValues, signIn } from "./helpers";

const firstRow = (page: Page) => page.locator("table.data tbody tr").first();
const work = (row: Locator, choice: string) =>
  row.getByRole("combobox", { name: /^Work alert:/ }).selectOption({ label: choice });

test("a CSM works their inbox: acknowledge, snooze, resolve; overrides a score on their own account", async ({
  page,
}, testInfo) => {
  await signIn(page, "csm2.growth@acme.example", undefined, "/portfolio");
  const alertsLink = page.getByRole("link", { name: /^Alerts/ });
  const waiting = Number((await alertsLink.locator(".nav-count").innerText()).split(/\s/)[0]);
  expect(waiting).toBeGreaterThan(0);
  await alertsLink.click();
  await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
  const me = (await page.locator(".sidebar-footer .who").innerText()).trim();
  expect(new Set(await columnValues(page, "Assignee"))).toEqual(new Set([me]));
  // CSMs see only their own view.
  await expect(page.getByRole("navigation", { name: "Inbox views" })).toHaveCount(0);
  await checkPage(page, testInfo, "alerts-csm");

  // Alert titles repeat across accounts ("Renews in 23 days while At risk"), so follow one alert by account and title.
  const account = (await firstRow(page).locator("td").nth(1).innerText()).trim();
  const title = (await firstRow(page).locator("td").nth(2).locator("div").first().innerText()).trim();
  const rows = page.locator("table.data tbody tr").filter({ hasText: account }).filter({ hasText: title });
  await work(rows, "Acknowledge");
  await expect(rows.getByText("Acknowledged")).toBeVisible();

  await work(rows, "Snooze until…");
  await rows.getByRole("button", { name: "Save" }).click();
  await expect(rows).toHaveCount(0);
  await page.getByLabel("Status").selectOption("snoozed");
  await expect(rows).toHaveCount(1);
  await expect(rows.getByText(/^until /)).toBeVisible();

  await work(rows, "Reopen");
  await expect(rows).toHaveCount(0);
  await page.getByLabel("Status").selectOption("open");
  await expect(rows).toHaveCount(1);
  await work(rows, "Resolve: action taken");
  await expect(rows).toHaveCount(0);
  await page.getByLabel("Status").selectOption("resolved");
  const resolved = rows.first();
  await expect(resolved.getByText("Action taken")).toBeVisible();

  // The account page shows its alerts, and its owner may override the score with a reason and an end date.
  await resolved.getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Alerts", level: 2 })).toBeVisible();
  await expect(page.getByRole("table", { name: "Alerts on this account" }).getByText(title).first()).toBeVisible();
  const overrides = page.getByRole("form", { name: "Override a score" });
  await overrides.getByLabel("Score", { exact: true }).fill("82");
  await overrides.getByLabel("Reason").fill("Renewal signed early; usage data lags the migration");
  const until = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  await overrides.getByLabel("Until (end of day, UTC)").fill(until);
  await overrides.getByRole("button", { name: "Override" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Override saved" })).toBeVisible();
  await expect(page.getByTestId("override-note").first()).toContainText("computed");
  await expect(page.getByTestId("score").first()).toHaveText(/^82/);
  await checkPage(page, testInfo, "account-override-csm");

  await page.getByRole("link", { name: "Digest" }).click();
  await expect(page.getByRole("heading", { name: "Your daily digest" })).toBeVisible();
  await checkPage(page, testInfo, "digest-csm");
});

test("a manager's inbox has their teams' queue", async ({ page }, testInfo) => {
  await signIn(page, "manager.scale@acme.example", undefined, "/alerts");
  await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
  const views = page.getByRole("navigation", { name: "Inbox views" });
  await expect(views.getByRole("link")).toHaveText(["Mine", "My teams"]);
  await expect(views.getByRole("link", { name: "My teams" })).toHaveAttribute("aria-current", "page");
  expect((await columnValues(page, "Account")).length).toBeGreaterThan(0);
  await checkPage(page, testInfo, "alerts-manager");
});

test.describe("admin", () => {
  let receiver: Server;
  let url: string;
  const received: { signature: string; body: string }[] = [];
  test.beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString("utf8")));
      req.on("end", () => {
        received.push({ signature: String(req.headers["pulseboard-signature"]), body });
        res.end("ok");
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/pulseboard`;
  });
  test.afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  test("previews a rule over 90 days, is told what is wrong, saves it; adds a webhook and sends a test", async ({
    page,
  }, testInfo) => {
    await signIn(page, "admin@acme.example", undefined, "/settings/alerts");
    await expect(page.getByRole("heading", { name: "Alert rules", level: 1 })).toBeVisible();
    await expect(
      page.getByRole("table", { name: /Alert rules and their outcomes/ }).getByText("Health below 45"),
    ).toBeVisible();

    const form = page.getByRole("region", { name: "New alert rule" });
    await form.getByLabel("Name").fill("Coverage under half");
    await form.getByLabel("Watches").selectOption("coverage_below");
    await form.getByLabel("Coverage below (%)").fill("150");
    await form.getByRole("button", { name: "Preview last 90 days" }).click();
    await expect(form.getByText("Coverage must be from 1 to 100").first()).toBeVisible();

    await form.getByLabel("Coverage below (%)").fill("50");
    await form.getByRole("button", { name: "Preview last 90 days" }).click();
    const preview = page.getByTestId("rule-preview");
    await expect(preview).toContainText(/would have raised [\d,]+ alerts? on \d+ of [\d,]+ accounts?/);
    await expect(preview.getByRole("img", { name: "Alerts per day the rule would have raised" })).toBeVisible();
    await checkPage(page, testInfo, "alert-rules-admin");
    await form.getByRole("button", { name: "Save rule" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Rule saved" })).toBeVisible();
    const rules = page.getByRole("table", { name: /Alert rules and their outcomes/ });
    await expect(rules.getByText("Coverage under half")).toBeVisible();

    // Tune it: the form opens with the rule's values; saving shows the new line in the table.
    await rules.getByRole("link", { name: "Edit Coverage under half" }).click();
    const edit = page.getByRole("region", { name: "Edit “Coverage under half”" });
    await expect(edit.getByLabel("Coverage below (%)")).toHaveValue("50");
    await edit.getByLabel("Coverage below (%)").fill("40");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(rules.getByText(/below 40 %, re-arms at 50 %/)).toBeVisible();

    await page.getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
    await page.getByLabel("Name").fill("Ops relay");
    await page.getByLabel("URL").fill(url);
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByTestId("webhook-secret")).toBeVisible();
    const row = page.getByRole("table", { name: "Webhooks" }).locator("tbody tr").filter({ hasText: "Ops relay" });
    await row.getByRole("button", { name: "Send test" }).click();
    await expect(row.getByText("Delivered (HTTP 200)")).toBeVisible();
    expect(received).toHaveLength(1);
    expect(received[0]!.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ event: "test" });
    await expect(page.getByRole("table", { name: "Latest deliveries" }).getByText("delivered").first()).toBeVisible();
    await checkPage(page, testInfo, "webhooks-admin");

    // Governance: the rule's change is in the audit log with who and before → after.
    await page.getByRole("link", { name: "Audit log" }).click();
    await page.getByLabel("Area").selectOption("alertRule");
    const entry = page
      .getByRole("table", { name: "Audit log entries" })
      .locator("tbody tr")
      .filter({ hasText: "alertRule.update" });
    await expect(entry.first()).toContainText("params.percent: 50 → 40");
    await expect(entry.first()).toContainText((await page.locator(".sidebar-footer .who").innerText()).trim());
    await checkPage(page, testInfo, "audit-admin");
  });
});
