import { expect, test } from "@playwright/test";
import { columnValues, signIn } from "./helpers";

test("a CSM sees only their own book", async ({ page }) => {
  await signIn(page, "csm1.growth@acme.example");
  await expect(page.getByText("Your book of accounts.")).toBeVisible();
  const me = (await page.locator(".sidebar-footer .who").innerText()).trim();
  await page.getByLabel("Rows").selectOption("100");
  const owners = await columnValues(page, "Owner");
  expect(owners.length).toBeGreaterThan(20);
  expect(new Set(owners)).toEqual(new Set([me]));
  // No owner or team filter to widen the view with.
  await expect(page.getByRole("combobox", { name: "Owner" })).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Team" })).toHaveCount(0);
});

test("a manager sees their team's accounts", async ({ page }) => {
  await signIn(page, "manager.strategic@acme.example");
  await expect(page.getByText("Accounts of the teams you manage.")).toBeVisible();
  const teams = await columnValues(page, "Team");
  expect(new Set(teams)).toEqual(new Set(["Strategic"]));
  await expect(page.getByRole("combobox", { name: "Team" }).locator("option")).toHaveText(["All", "Strategic"]);
});

test("an admin sorts, filters and pages on the server, with the state in the URL", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await expect(page.getByText(/of 800$/)).toBeVisible();

  await page.getByRole("button", { name: /^ARR/ }).click();
  await expect(page).toHaveURL(/sort=arr&dir=asc/);
  await page.getByRole("button", { name: /^ARR/ }).click();
  await expect(page).toHaveURL(/sort=arr&dir=desc/);
  const arr = (await columnValues(page, "ARR")).map((v) => Number(v.replace(/[^0-9]/g, "")));
  expect(arr).toEqual([...arr].sort((a, b) => b - a));

  await page.getByRole("combobox", { name: "Segment" }).selectOption({ label: "Enterprise" });
  await expect(page).toHaveURL(/segment=/);
  await expect.poll(async () => new Set(await columnValues(page, "Segment"))).toEqual(new Set(["Enterprise"]));

  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  // The URL is shareable: loading it again shows the same view.
  const url = page.url();
  await page.goto(url);
  await expect(page.getByText(/^26–50 of/)).toBeVisible();

  await page.getByLabel("Search").fill("zzzz-no-such-account");
  await expect(page.getByText("No accounts match these filters")).toBeVisible();
});

test("the table is keyboard-operable and opens the account page", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  const firstRow = page.locator("table.data tbody tr").first();
  const secondName = (await page.locator("table.data tbody tr").nth(1).locator("a").innerText()).trim();
  await firstRow.focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/accounts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(secondName);
  for (const label of ["Owner", "Team", "Segment", "Lifecycle stage", "ARR", "Renewal"]) {
    await expect(page.locator("dl.facts dt", { hasText: new RegExp(`^${label}$`) })).toBeVisible();
  }
  const metrics = page.getByRole("table", { name: "Latest value of each metric" }).locator("tbody tr");
  await expect(metrics).toHaveCount(14);
});
