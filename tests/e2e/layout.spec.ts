import { expect, test } from "@playwright/test";
import { checkPage } from "./a11y";
import { signIn } from "./helpers";

// A common laptop screen: 1280 px leaves the content about 1,000 px beside the sidebar.
test.use({ viewport: { width: 1280, height: 800 } });

const PAGES = ["/at-risk", "/alerts", "/settings/alerts", "/settings/metrics", "/settings/members"];

test("on a 1280-px screen, the working tables show every column without scrolling sideways", async ({ page }) => {
  await signIn(page, "admin@acme.example", undefined, "/portfolio");
  for (const path of PAGES) {
    await page.goto(path);
    const table = page.locator(".table-wrap table.data").first();
    await expect(table.locator("tbody tr").first()).toBeVisible();
    const { table: wide, room } = await table.evaluate((t) => ({
      table: t.scrollWidth,
      room: t.parentElement!.clientWidth,
    }));
    expect(wide, `${path}: the table is ${wide} px wide in ${room} px`).toBeLessThanOrEqual(room);
  }
});

test("the accounts list, wider than the screen, keeps each account's name in view as it scrolls", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  const wrap = page.locator(".table-wrap").first();
  const name = page.locator("table.data tbody tr td").first();
  const before = (await name.boundingBox())!.x;
  await wrap.evaluate((w) => w.scrollBy({ left: 400 }));
  await expect.poll(() => wrap.evaluate((w) => w.scrollLeft)).toBeGreaterThan(0);
  expect((await name.boundingBox())!.x).toBe(before);
});

test("hiding three of the accounts list's columns fits it to the screen, and the choice is remembered", async ({
  page,
}, testInfo) => {
  await signIn(page, "admin@acme.example");
  const table = page.locator(".table-wrap table.data").first();
  const fits = () => table.evaluate((t) => t.scrollWidth <= t.parentElement!.clientWidth);
  expect(await fits()).toBe(false);

  const chooser = page.locator("summary", { hasText: "Columns" });
  await chooser.click();
  for (const name of ["Seats", "Plan", "Team"]) await page.getByRole("checkbox", { name }).uncheck();
  await checkPage(page, testInfo, "accounts-columns-open");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("checkbox", { name: "Seats" })).toBeHidden();
  await expect(chooser).toBeFocused();
  await expect(page.locator("table.data thead th")).toHaveText(
    ["Account", "Score", "Tier", "ARR", "Segment", "Stage", "Owner", "Renewal"].map((h) => new RegExp(`^${h}`, "i")),
  );
  expect(await fits()).toBe(true);

  // The server renders the next visit with the same columns.
  await page.reload();
  await expect(chooser).toContainText("3 hidden");
  await expect(page.locator("table.data thead th")).toHaveCount(8);

  await chooser.click();
  await page.getByRole("button", { name: "Show all" }).click();
  await expect(page.locator("table.data thead th")).toHaveCount(11);
  await expect(chooser).not.toContainText("hidden");
  // A click elsewhere closes the list.
  await page.getByRole("heading", { name: "Accounts", level: 1 }).click();
  await expect(page.getByRole("checkbox", { name: "Seats" })).toBeHidden();
});
