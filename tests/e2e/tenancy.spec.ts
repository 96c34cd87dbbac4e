import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("another organisation's account is 'not found', and a CSM cannot open a colleague's account", async ({
  page,
  browser,
}) => {
  await signIn(page, "admin@acme.example");
  await page.locator("table.data tbody tr a").first().click();
  await expect(page).toHaveURL(/\/accounts\/[0-9a-f-]{36}$/);
  const acmeAccountUrl = page.url();
  const owner = (await page.locator("dl.facts dd").first().innerText()).trim();

  const globex = await browser.newPage();
  await signIn(globex, "owner@globex.example");
  // Not found is also what the response says, not only what the page shows.
  expect((await globex.goto(acmeAccountUrl))?.status()).toBe(404);
  await expect(globex.getByText("Account not found")).toBeVisible();
  await globex.close();

  const otherCsm = owner.includes("csm1.strategic") ? "csm2.strategic@acme.example" : "csm1.strategic@acme.example";
  const csm = await browser.newPage();
  await signIn(csm, otherCsm);
  expect((await csm.goto(acmeAccountUrl))?.status()).toBe(404);
  await expect(csm.getByText("Account not found")).toBeVisible();
  await csm.close();
});

test("a person in two organisations switches between them", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await expect(page.getByText(/of 800$/)).toBeVisible();
  await page.getByLabel("Organisation").selectOption({ label: "Globex Logistics" });
  await expect(page.locator(".sidebar-footer .role")).toHaveText("Viewer · Globex Logistics");
  await expect(page.getByText(/of 40$/)).toBeVisible();
  // As a Globex viewer there is no members page.
  await expect(page.getByRole("link", { name: "Members" })).toHaveCount(0);
  await page.getByLabel("Organisation").selectOption({ label: "Acme Cloud" });
  await expect(page.locator(".sidebar-footer .role")).toHaveText("Admin · Acme Cloud");
});
