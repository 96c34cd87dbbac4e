import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "pulseboard-demo";

const HEADINGS: Record<string, string> = { "/portfolio": "Portfolio", "/accounts": "Accounts" };

/** Signs in (everyone lands on the portfolio), then opens `then` (the accounts list unless told otherwise). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, then = "/accounts") {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/portfolio$/);
  await expect(page.getByRole("heading", { name: "Portfolio", level: 1 })).toBeVisible();
  if (then === "/portfolio") return;
  await page.goto(then);
  if (HEADINGS[then]) await expect(page.getByRole("heading", { name: HEADINGS[then], level: 1 })).toBeVisible();
}

/** Texts of one column of the accounts table, by header name. */
export async function columnValues(page: Page, header: string): Promise<string[]> {
  const headers = await page.locator("table.data thead th").allInnerTexts();
  const index = headers.findIndex((h) => h.toUpperCase().startsWith(header.toUpperCase()));
  if (index < 0) throw new Error(`no column ${header}`);
  return page.locator(`table.data tbody tr td:nth-child(${index + 1})`).allInnerTexts();
}
