import { expect, test } from "@playwright/test";
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
