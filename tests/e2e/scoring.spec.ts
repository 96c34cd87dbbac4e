import { expect, test } from "@playwright/test";
import { checkPage } from "./a11y";
import { signIn } from "./helpers";

test("an admin recomputes now and sees the run finish", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await page.getByRole("link", { name: "Scoring" }).click();
  await expect(page.getByRole("heading", { name: "Scoring", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Published scorecards" })).toContainText("Health");
  await page.getByRole("button", { name: "Recompute now" }).click();
  const manual = page.locator("table.data tbody tr", { hasText: "manual" }).first();
  // The worker started by the server picks the run up within seconds.
  await expect(manual).toContainText("succeeded", { timeout: 30_000 });
  // The last run of every account is now this one, started by hand.
  await expect(page.getByTestId("last-run")).toContainText(/succeeded · [\d,]+ accounts · manual/);
});

test("an admin has the past scored from the stored observations, and stops a long backfill", async ({
  page,
}, testInfo) => {
  await signIn(page, "admin@acme.example");
  await page.goto("/settings/scoring");
  const backfill = page.getByRole("region", { name: "Score the past" });
  // A year takes the worker several seconds on the demo data: stopped at once, waiting or after its first days.
  await backfill.getByLabel("How far back").selectOption("365");
  await backfill.getByRole("button", { name: "Score the past 365 days" }).click();
  const year = page.locator("table.data tbody tr", { hasText: "backfill" }).first();
  await year.getByRole("button", { name: "Stop this backfill" }).click();
  await expect(year).toContainText("stopped", { timeout: 30_000 });
  await expect(year).toContainText(
    /Stopped before it started\.|Stopped on request after \d+ of 365 days; the days scored are kept\./,
  );
  await expect(year.getByRole("button", { name: /Stop/ })).toHaveCount(0);

  await backfill.getByLabel("How far back").selectOption("30");
  await backfill.getByRole("button", { name: "Score the past 30 days" }).click();
  const run = page.locator("table.data tbody tr", { hasText: "backfill" }).first();
  await expect(run).toContainText("the past 30 days", { timeout: 30_000 });
  await expect(run).toContainText("succeeded", { timeout: 30_000 });
  await expect(backfill.getByRole("button", { name: "Score the past 30 days" })).toBeEnabled();
  await checkPage(page, testInfo, "scoring-backfill");
});

test("a manager sees scoring runs but cannot trigger one", async ({ page }) => {
  await signIn(page, "manager.growth@acme.example");
  await page.getByRole("link", { name: "Scoring" }).click();
  await expect(page.getByRole("heading", { name: "Scoring", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Recompute now" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Score the past" })).toHaveCount(0);
});
