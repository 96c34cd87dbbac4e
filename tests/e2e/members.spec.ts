import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("an admin adds a member who can then sign in, and a role change applies at once", async ({ page, browser }) => {
  const email = `new.csm.${Date.now()}@acme.example`;
  await signIn(page, "admin@acme.example");
  await page.getByRole("link", { name: "Members" }).click();

  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.locator(".field-error", { hasText: "must be a valid email address" })).toBeVisible();

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Name").fill("Nadia New");
  const form = page.getByRole("region", { name: "Add a member" });
  await form.locator("select[name=role]").selectOption("csm");
  await form.locator("select[name=teamId]").selectOption({ label: "Growth" });
  await page.getByRole("button", { name: "Add member" }).click();
  const password = (await page.getByTestId("temporary-password").innerText()).trim();
  await expect(page.locator(`tr[data-email="${email}"]`)).toContainText("Growth");

  const member = await browser.newPage();
  await member.goto("/login");
  await member.getByLabel("Email").fill(email);
  await member.getByLabel("Password").fill(password);
  await member.getByRole("button", { name: "Sign in" }).click();
  await expect(member.getByText("No scored accounts in this view")).toBeVisible();
  await member.goto("/accounts");
  await expect(member.getByText("Your book of accounts.")).toBeVisible();
  await expect(member.getByText("No accounts in your book yet")).toBeVisible();

  // Promote to manager: the member's very next request sees the team.
  await page.getByLabel("Role of Nadia New").selectOption("manager");
  await expect(page.locator(`tr[data-email="${email}"] td`).nth(1)).toHaveText("Manager");
  await member.reload();
  await expect(member.getByText("Accounts of the teams you manage.")).toBeVisible();

  // Remove: the member is out on the next request.
  page.once("dialog", (d) => d.accept());
  await page.locator(`tr[data-email="${email}"]`).getByRole("button", { name: "Remove" }).click();
  await expect(page.locator(`tr[data-email="${email}"]`)).toHaveCount(0);
  await member.reload();
  await expect(member.getByRole("heading", { name: "No organisation yet" })).toBeVisible();
  await member.close();
});

test("a CSM has no members page", async ({ page }) => {
  await signIn(page, "csm1.scale@acme.example");
  await expect(page.getByRole("link", { name: "Members" })).toHaveCount(0);
  await page.goto("/settings/members");
  await expect(page.getByText("Page not found")).toBeVisible();
});
