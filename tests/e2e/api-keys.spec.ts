import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("an admin creates an API key, reads scores with it, and revokes it", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await page.getByRole("link", { name: "API keys" }).click();
  await page.getByLabel("Name").fill(`Warehouse sync ${Date.now()}`);
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").innerText()).trim();
  expect(key).toMatch(/^pb_[0-9a-f]{8}_/);

  const ok = await page.request.get("/api/v1/scores?limit=2", { headers: { authorization: `Bearer ${key}` } });
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body.items).toHaveLength(2);
  expect(body.items[0].account.externalId).toMatch(/^ACME-/);
  // Outside its routes the API still answers in JSON: a path it lacks, a method a path does not take.
  const lacking = await page.request.get("/api/v1/accounts/ACME-00001", {
    headers: { authorization: `Bearer ${key}` },
  });
  expect([lacking.status(), (await lacking.json()).error.code]).toEqual([404, "NOT_FOUND"]);
  const refused = await page.request.delete("/api/v1/scores", { headers: { authorization: `Bearer ${key}` } });
  expect([refused.status(), refused.headers().allow, (await refused.json()).error.code]).toEqual([
    405,
    "GET, HEAD, OPTIONS",
    "METHOD_NOT_ALLOWED",
  ]);
  // A read-only key cannot write.
  const write = await page.request.post("/api/v1/recompute", { headers: { authorization: `Bearer ${key}` } });
  expect(write.status()).toBe(403);

  page.once("dialog", (d) => d.accept());
  const row = page.locator("tbody tr", { hasText: key.slice(0, 11) });
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("Revoked");
  const revoked = await page.request.get("/api/v1/scores", { headers: { authorization: `Bearer ${key}` } });
  expect(revoked.status()).toBe(401);
});
