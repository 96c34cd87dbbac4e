import { expect, test } from "@playwright/test";
import { checkPage } from "./a11y";
import { signIn } from "./helpers";

test("an admin invites a member, who chooses a password through the link, and a role change applies at once", async ({
  page,
  browser,
}, testInfo) => {
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
  const link = (await page.getByTestId("invitation-link").innerText()).trim();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  const invited = page
    .getByRole("region", { name: "Invitations not accepted yet" })
    .locator(`tr[data-email="${email}"]`);
  await expect(invited).toContainText("Growth");
  await checkPage(page, testInfo, "members-invitation");

  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await member.goto(link);
  await expect(member.getByRole("heading", { name: "Join Acme Cloud" })).toBeVisible();
  await expect(member.getByLabel("Your name")).toHaveValue("Nadia New");
  await checkPage(member, testInfo, "invitation-accept");
  await member.getByLabel(/^Choose a password/).fill("my-own-password");
  await member.getByLabel("The same password again").fill("my-own-passw0rd");
  await member.getByRole("button", { name: "Join and sign in" }).click();
  await expect(member.locator(".field-error", { hasText: "does not match the password" })).toBeVisible();
  await member.getByLabel("The same password again").fill("my-own-password");
  await member.getByRole("button", { name: "Join and sign in" }).click();
  // Joined and signed in at once.
  await expect(member.getByText("No scored accounts in this view")).toBeVisible();
  await member.goto("/accounts");
  await expect(member.getByText("Your book of accounts.")).toBeVisible();
  await expect(member.getByText("No accounts in your book yet")).toBeVisible();

  // The invitation is gone from the list, the member is in the table, and the link works no more.
  await page.reload();
  await expect(invited).toHaveCount(0);
  await expect(page.locator(`tr[data-email="${email}"]`)).toContainText("Growth");
  const again = await browser.newPage();
  await again.goto(link);
  await expect(again.getByRole("heading", { name: "This invitation has been accepted" })).toBeVisible();
  await again.close();

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
  await memberContext.close();
});

test("a CSM has no members page", async ({ page }) => {
  await signIn(page, "csm1.scale@acme.example");
  await expect(page.getByRole("link", { name: "Members" })).toHaveCount(0);
  await page.goto("/settings/members");
  await expect(page.getByText("Page not found")).toBeVisible();
});
