import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a wrong password gets a clear message and no session", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("viewer@acme.example");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(".alert-error")).toHaveText("Email or password is incorrect.");
  await page.goto("/accounts");
  await expect(page).toHaveURL(/\/login/);
});

test("signing out revokes the session, even for a copied cookie", async ({ page, browser }) => {
  await signIn(page, "viewer@acme.example");
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const stolen = await replay.newPage();
  await stolen.goto("/accounts");
  await expect(stolen).toHaveURL(/\/login/);
  await replay.close();
});

test("signed-out visitors are sent to the login page", async ({ page }) => {
  await page.goto("/settings/members");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByLabel("Password")).toBeVisible();
});
