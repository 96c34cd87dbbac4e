import { expect, test } from "@playwright/test";
import { checkPage } from "./a11y";
import { signIn } from "./helpers";

test("an admin adds a metric to the catalogue and a segment with a rule, watching its live count", async ({
  page,
}, testInfo) => {
  await signIn(page, "admin@acme.example", undefined, "/settings/metrics");
  await expect(page.getByRole("heading", { name: "Metrics", level: 1 })).toBeVisible();
  const catalogue = page.getByRole("table", { name: "Metric catalogue" });
  await expect(catalogue.getByText("Health v1").first()).toBeVisible();

  const form = page.getByRole("region", { name: "Add a metric" });
  await form.getByLabel("Key").fill("Weekly Logins");
  await form.getByLabel("Name", { exact: true }).fill("Weekly logins");
  await form.getByRole("button", { name: "Add metric" }).click();
  await expect(form.locator(".field-error", { hasText: /Use 2–63 lowercase letters/ })).toBeVisible();
  await form.getByLabel("Key").fill("weekly_logins");
  await form.getByLabel("Value type").selectOption("categorical");
  await form.getByRole("button", { name: "Add metric" }).click();
  await expect(
    form.locator(".field-error", { hasText: "A categorical metric needs at least two options" }),
  ).toBeVisible();
  await form.getByLabel("Value type").selectOption("number");
  await form.getByRole("button", { name: "Add metric" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Metric added" })).toBeVisible();
  await expect(catalogue.getByText("Weekly logins")).toBeVisible();
  await checkPage(page, testInfo, "metrics-admin");

  await page.getByRole("link", { name: "Segments" }).click();
  await expect(page.getByRole("heading", { name: "Segments and lifecycle stages", level: 1 })).toBeVisible();
  const segment = page.getByRole("region", { name: "Add a segment" });
  await segment.getByLabel("Key").fill("wide-rollout");
  await segment.getByLabel("Name", { exact: true }).fill("Wide rollout");
  await segment.getByLabel("Match accounts by a rule").check();
  const condition = segment.getByRole("group", { name: "Condition 1" });
  await condition.getByLabel("Field").selectOption("seats");
  await condition.getByLabel("Value").fill("200");
  await expect(segment.getByTestId("rule-preview")).toContainText(/[\d,]+ of [\d,]+ accounts? match/);
  const matching = Number((await segment.getByTestId("rule-preview").locator("strong").innerText()).replace(/,/g, ""));
  await checkPage(page, testInfo, "segments-admin");
  await segment.getByRole("button", { name: "Add segment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "re-placed" })).toBeVisible();
  const row = page.getByRole("table", { name: "Segments" }).locator("tbody tr").filter({ hasText: "Wide rollout" });
  await expect(row).toContainText("Seats ≥ 200");
  await expect(row.locator("td.num")).toHaveText(String(matching));
});

test("a manager reads the metric catalogue and segments but cannot change them", async ({ page }) => {
  await signIn(page, "manager.growth@acme.example", undefined, "/settings/metrics");
  await expect(page.getByRole("table", { name: "Metric catalogue" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Retire" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Add a metric" })).toHaveCount(0);
  await page.goto("/settings/segments");
  await expect(page.getByRole("table", { name: "Segments" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Edit / })).toHaveCount(0);
});

test("an admin starts a scorecard from a template, publishes it with a note and compares versions", async ({
  page,
}, testInfo) => {
  await signIn(page, "admin@acme.example", undefined, "/settings/scorecards");
  await expect(page.getByRole("heading", { name: "Scorecards", level: 1 })).toBeVisible();
  const form = page.getByRole("region", { name: "New scorecard from a template" });
  await form.getByLabel(/Onboarding — first 90 days/).check();
  await form.getByLabel("Name").fill("Onboarding");
  await form.getByLabel("Key").fill("onboarding-e2e");
  await form.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Draft v1 created" })).toBeVisible();

  await page.getByRole("navigation", { name: "Scorecards" }).getByRole("link", { name: "Onboarding" }).click();
  const versions = page.getByRole("table", { name: "Onboarding: versions" });
  await expect(versions.locator("tbody tr")).toHaveCount(1);
  await versions.getByRole("button", { name: "Publish…" }).click();
  await versions.getByLabel("Change note for v1").fill("First onboarding model, from the template");
  await versions.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(versions.getByText("published", { exact: true })).toBeVisible();

  await versions.getByRole("button", { name: "Restore as draft" }).click();
  await expect(versions.getByText("Restored as draft v2.")).toBeVisible();
  await page.reload();
  await expect(page.getByText("These versions score identically.")).toBeVisible();

  // The restored draft is identical, so its impact preview moves nobody.
  const impact = page.getByRole("region", { name: "Impact before publishing" });
  await impact.getByRole("button", { name: "Preview impact" }).click();
  await expect(page.getByTestId("impact")).toContainText(/Accounts changing tier\s*0 of \d+/);
  await expect(page.getByRole("table", { name: /Tier under v1 \(rows\) and under v2/ })).toBeVisible();

  // Test the draft on one account, beside the published version.
  const test = page.getByRole("region", { name: "Test on an account" });
  const account = await page.locator("#test-accounts option").first().getAttribute("value");
  await test.getByLabel("Account id").fill(account!);
  await test.getByLabel("Version").selectOption({ label: "v2 (draft)" });
  await test.getByRole("button", { name: "Test" }).click();
  await expect(page.getByTestId("test-result")).toHaveCount(2);
  const [published, draft] = await page.getByTestId("test-result").locator(".score-pill").allInnerTexts();
  expect(draft).toBe(published);
  await checkPage(page, testInfo, "scorecards-admin");

  // Edit the draft as JSON: the editor names what the engine would refuse, then shows the score bounds once it is valid.
  await page.getByRole("link", { name: "Edit v2" }).click();
  const editor = page.getByRole("region", { name: "Edit draft v2" });
  // Its impact, live: on a portfolio this size the preview follows every change by itself.
  const livePanel = editor.getByRole("region", { name: "Impact of this draft" });
  await livePanel.getByRole("button", { name: "Preview impact" }).click();
  await expect(livePanel.getByTestId("impact")).toContainText(/Accounts changing tier\s*0 of \d+/);
  await expect(livePanel.getByLabel("Update as I edit")).toBeChecked();
  await editor.getByRole("button", { name: "JSON" }).click();
  const area = editor.getByLabel("Definition (JSON)");
  const model = JSON.parse(await area.inputValue());
  model.categories[0].weight += 5;
  await area.fill(JSON.stringify(model, null, 2));
  await expect(editor.getByTestId("draft-check")).toContainText("weights total 105 %");
  model.categories[0].weight += 5;
  model.categories[1].weight -= 10;
  model.tiers[1].min = 45;
  await area.fill(JSON.stringify(model, null, 2));
  await expect(editor.getByTestId("draft-check")).toContainText("tiers leave a gap between 40 and 45");
  model.tiers[1].min = 40;
  await area.fill(JSON.stringify(model, null, 2));
  await expect(editor.getByTestId("draft-check")).toContainText(/Valid\s*Lowest possible score [\d.]+, highest [\d.]+/);
  // The reweighted draft moves some accounts across tiers; the live preview shows it without a click.
  await expect(livePanel.getByTestId("impact")).not.toContainText(/Accounts changing tier\s*0 of/);
  await expect(livePanel).not.toContainText("The draft has changed since this preview");
  await editor.getByRole("button", { name: "Save draft" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await checkPage(page, testInfo, "draft-editor-admin");

  // Publish the reweighted draft: it supersedes v1 and every account is rescored.
  await page.reload();
  const table = page.getByRole("table", { name: "Onboarding: versions" });
  await table.getByRole("button", { name: "Publish…" }).click();
  await table.getByLabel("Change note for v2").fill("Activation weighs more in the first weeks");
  await table.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(table.getByText(/Published v2; rescoring every account/)).toBeVisible();
  await page.reload();
  await expect(table.locator("tbody tr").first()).toContainText("published");
  await expect(table.locator("tbody tr").nth(1)).toContainText("superseded");
});
