import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { checkPage } from "./a11y";
import { columnValues, signIn } from "./helpers";

const kpi = (page: import("@playwright/test").Page, label: string) =>
  page
    .locator(".kpi")
    .filter({ has: page.locator("dt", { hasText: label }) })
    .locator("dd")
    .first();

test("a CSM lands on their own book, works the at-risk list and reads why an account's score moved", async ({
  page,
}, testInfo) => {
  await signIn(page, "csm1.growth@acme.example", undefined, "/portfolio");
  await expect(page.getByText(/^Your book · Health v\d/)).toBeVisible();
  await expect(page.getByLabel("Owner")).toHaveCount(0);
  const accounts = Number((await kpi(page, "Accounts").innerText()).replace(/,/g, ""));
  expect(accounts).toBeGreaterThan(20);
  await checkPage(page, testInfo, "portfolio-csm");

  await page.getByRole("link", { name: "At risk", exact: true }).click();
  await expect(page.getByRole("heading", { name: "At risk", level: 1 })).toBeVisible();
  await expect(page.getByText(`of ${accounts}`)).toBeVisible();
  const me = (await page.locator(".sidebar-footer .who").innerText()).trim();
  expect(new Set(await columnValues(page, "Owner"))).toEqual(new Set([me]));
  const priorities = (await columnValues(page, "Priority")).map(Number);
  expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
  await checkPage(page, testInfo, "at-risk-csm");

  await page.locator("table.data tbody tr a").first().click();
  await expect(page.getByRole("heading", { name: "Why did the score change?" })).toBeVisible();
  const summary = await page.getByTestId("change-summary").innerText();
  expect(summary).toMatch(/^(Up|Down) [\d.]+ points from/);
  await expect(page.getByRole("img", { name: /Change in score, part by part/ })).toBeVisible();
  await checkPage(page, testInfo, "account-csm");

  await page.getByLabel("Note", { exact: true }).fill("Champion is leaving; exec sponsor call booked.");
  await page.getByLabel("bad").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "rescored" })).toBeVisible();
  await expect(page.getByText("Champion is leaving; exec sponsor call booked.")).toBeVisible();

  // Trends are for managers and admins: no link, and the address answers "not found" in its status too.
  await expect(page.getByRole("link", { name: "Trends" })).toHaveCount(0);
  expect((await page.goto("/trends"))?.status()).toBe(404);
  await expect(page.getByText("Page not found")).toBeVisible();
});

test("a manager sees their teams' trends and CSMs side by side, and nothing beyond their teams", async ({
  page,
}, testInfo) => {
  await signIn(page, "manager.strategic@acme.example", undefined, "/portfolio");
  await expect(page.getByText(/^Your teams' accounts/)).toBeVisible();
  await expect(page.getByLabel("Team").locator("option")).toHaveText(["All", "Strategic"]);
  await checkPage(page, testInfo, "portfolio-manager");

  await page.getByRole("link", { name: "Trends" }).click();
  await expect(page.getByRole("heading", { name: "Trends", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: /By segment/ })).toBeVisible();
  await expect(page.locator(".multiples figure").first()).toBeVisible();
  const csms = page.getByRole("table", { name: /Books by CSM/ }).locator("tbody tr");
  expect(await csms.count()).toBeGreaterThanOrEqual(2);
  await checkPage(page, testInfo, "trends-manager");
});

test("a viewer reads the whole organisation's trends, and nothing they cannot change is offered", async ({
  page,
}, testInfo) => {
  await signIn(page, "viewer@acme.example", undefined, "/portfolio");
  await page.getByRole("link", { name: "Trends" }).click();
  await expect(page.getByRole("heading", { name: "Trends", level: 1 })).toBeVisible();
  await expect(page.getByText(/^The whole organisation by segment, team and CSM/)).toBeVisible();
  // Every team of the organisation, not one team's.
  expect(await page.getByLabel("Team").locator("option").count()).toBeGreaterThan(2);
  await expect(page.locator(".multiples figure").first()).toBeVisible();
  const csms = page.getByRole("table", { name: /Books by CSM/ }).locator("tbody tr");
  expect(await csms.count()).toBeGreaterThan(2);
  await checkPage(page, testInfo, "trends-viewer");
  // Read-only: the inbox and the settings stay closed.
  await expect(page.getByRole("link", { name: "Alerts" })).toHaveCount(0);
  expect((await page.goto("/settings/scorecards"))?.status()).toBe(404);
});

test("an admin reads the organisation, opens a tier move, tunes the ranking and exports the at-risk view", async ({
  page,
}, testInfo) => {
  await signIn(page, "admin@acme.example", undefined, "/portfolio");
  await expect(page.getByText(/^The whole organisation/)).toBeVisible();
  const total = Number((await kpi(page, "Accounts").innerText()).replace(/,/g, ""));
  await page.getByLabel("Period").selectOption("365");
  await expect(page).toHaveURL(/range=365/);
  await expect(page.getByRole("heading", { name: "Trend over the last 365 days" })).toBeVisible();
  await checkPage(page, testInfo, "portfolio-admin");

  // The overview agrees with the account list: every scored account is counted once.
  const segment = page.getByLabel("Segment");
  await segment.selectOption({ label: "Enterprise" });
  await expect(page).toHaveURL(/segment=/);
  const enterprise = Number((await kpi(page, "Accounts").innerText()).replace(/,/g, ""));
  expect(enterprise).toBeGreaterThan(0);
  expect(enterprise).toBeLessThan(total);

  const cell = page.locator("table.matrix tbody td.cell-down a").first();
  const label = (await cell.getAttribute("aria-label"))!;
  // The count as the page writes it ("1 account", "1,204 accounts").
  const moved = label.split(" ")[0]!;
  await cell.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("→");
  await expect(page.getByText(new RegExp(`^${moved} accounts? between`))).toBeVisible();
  await checkPage(page, testInfo, "movement-admin");
  // Without a cell to list (an edited or old link), the page shows the matrix to pick one from.
  await page.goto("/portfolio/movement");
  await expect(page).toHaveURL(/\/portfolio#movement-heading$/);
  await expect(page.getByRole("heading", { name: "Tier movement" })).toBeVisible();

  await page.goto("/at-risk");
  await page.getByText("Tune the ranking").click();
  await page.getByLabel("Revenue").fill("0.8");
  await page.getByLabel("Renewal urgency").fill("0.5");
  await page.getByRole("button", { name: "Save and re-rank" }).click();
  await expect(page.getByText("Revenue and renewal urgency together may be at most 1")).toBeVisible();
  await checkPage(page, testInfo, "at-risk-admin");

  await page.getByLabel("Tier").selectOption({ label: "At risk" });
  await expect(page).toHaveURL(/tier=at_risk/);
  const shown = await page.locator(".pagination").innerText();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = (await readFile(await (await download).path(), "utf8")).trim().split("\n");
  expect(csv[0]).toBe(
    "rank,account_external_id,account,priority,score,tier,delta_30d,coverage_pct,arr,renewal_date,owner,team",
  );
  expect(shown).toContain(`of ${csv.length - 1}`);
  expect(csv.slice(1).every((line) => line.includes(",At risk,"))).toBe(true);
});
