import { expect, test, type Locator } from "@playwright/test";
import { checkPage } from "./a11y";
import { signIn } from "./helpers";

/** A metric or category row of the visual builder, by its name. */
const node = (editor: Locator, kind: "Metric" | "Category", name: string) =>
  editor.getByRole("listitem", { name: `${kind} ${name}`, exact: true });

test("an admin builds a scorecard from nothing in the visual builder, with an Enterprise and an Onboarding variant", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  // Unique per run, so the test can be repeated against the same database.
  const suffix = Date.now().toString(36).slice(-5);
  const scorecard = `Expansion readiness ${suffix}`;
  await signIn(page, "admin@acme.example", undefined, "/settings/scorecards");
  const form = page.getByRole("region", { name: "New scorecard from a template" });
  await form.getByLabel(/^Blank/).check();
  await form.getByLabel("Name").fill(scorecard);
  await form.getByLabel("Key").fill(`expansion-${suffix}`);
  await form.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Draft v1 created" })).toBeVisible();
  await page.getByRole("navigation", { name: "Scorecards" }).getByRole("link", { name: scorecard }).click();
  await page.getByRole("link", { name: "Edit v1" }).click();

  const editor = page.getByRole("region", { name: "Edit draft v1" });
  const check = editor.getByTestId("draft-check");
  await expect(editor.getByRole("button", { name: "Visual", pressed: true })).toBeVisible();
  await expect(check).toContainText("Top level: add at least one metric or category");

  // A category, then two metrics in it: the second takes an equal share, so the level runs over.
  await editor.getByRole("button", { name: "Add category to Top level" }).click();
  await editor.getByLabel("Name of category category-1").fill("Usage");
  await editor.getByLabel("Key of Usage").fill("usage");
  const usage = node(editor, "Category", "Usage");
  await usage.getByLabel("Metric to add to Usage").selectOption("weekly_active_users");
  await usage.getByRole("button", { name: "Add metric to Usage" }).click();
  await usage.getByLabel("Metric to add to Usage").selectOption("feature_adoption");
  await usage.getByRole("button", { name: "Add metric to Usage" }).click();
  await expect(usage.getByTestId("weight-bar").first()).toContainText("Usage: weights150 % — 50 % over");
  await expect(check).toContainText("Usage: weights total 150 %, must be 100 %");
  await usage.getByLabel("Weight of Weekly active users").fill("60");
  await usage.getByLabel("Weight of Key feature adoption").fill("30");
  await expect(usage.getByTestId("weight-bar").first()).toContainText("90 % — 10 % left");
  await usage.getByLabel("Weight of Key feature adoption").fill("40");
  await expect(usage.getByTestId("weight-bar").first()).toContainText("100 % — complete");
  // Pressing the view already shown keeps the edits.
  await editor.getByRole("button", { name: "Visual" }).click();
  await expect(usage.getByTestId("weight-bar").first()).toContainText("100 % — complete");

  // A second category: the top level now needs rebalancing, and the new category needs a metric.
  await editor.getByRole("button", { name: "Add category to Top level" }).click();
  await editor.getByLabel("Name of category category-2").fill("Support");
  await editor.getByLabel("Key of Support").fill("support");
  await expect(editor.getByTestId("weight-bar").first()).toContainText("150 % — 50 % over");
  await editor.getByLabel("Weight of Usage").fill("70");
  await editor.getByLabel("Weight of Support").fill("30");
  await expect(editor.getByTestId("weight-bar").first()).toContainText("100 % — complete");
  const support = node(editor, "Category", "Support");
  await expect(support).toContainText("Support: add at least one metric or category");
  await support.getByLabel("Metric to add to Support").selectOption("open_tickets");
  await support.getByRole("button", { name: "Add metric to Support" }).click();

  // Rearranging: up within Usage, into Support (whose weights then run over) and back.
  await usage.getByRole("button", { name: "Move Key feature adoption up" }).click();
  await expect(usage.getByRole("listitem").first()).toHaveAccessibleName("Metric Key feature adoption");
  const placeOf = async (category: string) => {
    const adoption = node(editor, "Metric", "Key feature adoption");
    await adoption.getByText("Rule, missing data and staleness of Key feature adoption").click();
    await adoption.getByRole("combobox", { name: "In category" }).selectOption({ label: category });
  };
  await placeOf("Support");
  await expect(support.getByRole("listitem", { name: "Metric Key feature adoption" })).toBeVisible();
  await expect(check).toContainText("Support: weights total 140 %, must be 100 %");
  await placeOf("Usage");
  await expect(usage.getByRole("listitem", { name: "Metric Key feature adoption" })).toBeVisible();
  await expect(support.getByRole("listitem", { name: "Metric Key feature adoption" })).toHaveCount(0);

  // Its rule: bands of open support tickets, with a gap the engine names, drawn as a value → points chart.
  const tickets = node(editor, "Metric", "Open support tickets");
  await tickets.getByText("Rule, missing data and staleness of Open support tickets").click();
  await tickets.getByRole("combobox", { name: "Rule", exact: true }).selectOption("bands");
  await expect(tickets.getByRole("img", { name: "Open support tickets: points for each value" })).toBeVisible();
  await tickets.getByLabel("Band 2 from").fill("20");
  await expect(tickets).toContainText("bands leave a gap between 10 and 20");
  await tickets.getByLabel("Band 2 from").fill("10");
  await tickets.getByLabel("Band 1 points").fill("100");
  await tickets.getByLabel("Band 3 points").fill("0");
  await tickets.getByRole("combobox", { name: "When data is missing" }).selectOption("neutral");

  // The grade scale: a gap between two tiers is named, then closed.
  const tiers = editor.getByRole("table", { name: "Tiers", exact: true });
  await tiers.getByLabel("Needs attention from").fill("50");
  await expect(check).toContainText("tiers leave a gap between 45 and 50");
  await tiers.getByLabel("Needs attention from").fill("45");
  await expect(check).toContainText(/Valid\s*Lowest possible score 0, highest 100/);

  // Variants: Enterprise reweighs the categories; Onboarding first clashes on priority, then gets its own.
  await editor.getByRole("button", { name: "Add variant" }).click();
  let variant = editor.getByRole("group", { name: "Variant Variant 1" });
  await variant.getByLabel("Variant name").fill("Enterprise");
  variant = editor.getByRole("group", { name: "Variant Enterprise" });
  await variant.getByLabel("Key", { exact: true }).fill("enterprise");
  await expect(variant).toContainText("name at least one segment or lifecycle stage it applies to");
  await variant.getByRole("group", { name: "Segments" }).getByLabel("Enterprise").check();
  await variant.getByLabel("Enterprise: weight of Usage").fill("50");
  await expect(variant.getByRole("table")).toContainText("Enterprise: weights and rules");
  await expect(check).toContainText('variant "Enterprise" › Top level: weights total 80 %, must be 100 %');
  await variant.getByLabel("Enterprise: weight of Support").fill("50");
  await expect(variant.getByTestId("variant-changes")).toContainText("Usage: weight 70 % → 50 %");
  await expect(variant.getByTestId("variant-changes")).toContainText("Support: weight 30 % → 50 %");

  // Renaming a base key orphans the variant's override of it: named, and dropped in one click.
  await editor.getByLabel("Key of Support").fill("care");
  await expect(variant).toContainText("Overrides of parts no longer in the base model: support");
  await expect(check).toContainText('"support" is not a metric or category of the base model');
  await variant.getByRole("button", { name: "Drop them" }).click();
  await variant.getByLabel("Enterprise: weight of Support").fill("50");
  await expect(variant.getByTestId("variant-changes")).toContainText("Support: weight 30 % → 50 %");

  await editor.getByRole("button", { name: "Add variant" }).click();
  const onboarding = editor.getByRole("group", { name: "Variant Variant 2" });
  await onboarding.getByLabel("Variant name").fill("Onboarding");
  const second = editor.getByRole("group", { name: "Variant Onboarding" });
  await second.getByLabel("Key", { exact: true }).fill("onboarding");
  await second.getByRole("group", { name: "Lifecycle stages" }).getByLabel("Onboarding").check();
  await second.getByLabel("Priority").fill("10");
  await expect(check).toContainText('variants "Enterprise" and "Onboarding" share priority 10');
  await second.getByLabel("Priority").fill("20");
  await second.getByRole("button", { name: "Override Onboarding rule of Key feature adoption" }).click();
  await second.getByRole("combobox", { name: "Rule", exact: true }).selectOption("target");
  await second.getByLabel("Target", { exact: true }).fill("25");
  await second.getByLabel("Minimum coverage (%)").fill("30");
  await expect(second.getByTestId("variant-changes")).toContainText("Key feature adoption: rule target 25");
  await expect(second.getByTestId("variant-changes")).toContainText("minimum coverage 30 %");
  await expect(check).toContainText(/Valid/);

  // Which variant applies: accounts per variant, and one account's reason.
  const lookup = editor.getByRole("region", { name: "Which variant applies?" });
  const account = await page.locator("#test-accounts option").first().getAttribute("value");
  await lookup.getByLabel("Account id (optional)").fill(account!);
  await lookup.getByRole("button", { name: "Check" }).click();
  await expect(lookup.getByTestId("variant-reason")).toContainText(`scored by ${scorecard}`);
  const reach = lookup.getByRole("table", { name: "Active accounts each would score" });
  await expect(reach.getByRole("row")).toHaveCount(3);
  const counts = (await reach.locator("td").allInnerTexts()).map((t) => Number(t.replace(/,/g, "")));
  expect(counts.every((c) => c > 0)).toBe(true);
  const active = counts.reduce((a, b) => a + b, 0);
  await checkPage(page, testInfo, "model-builder-admin");

  // The JSON view holds the same draft; broken JSON keeps the visual editor closed until fixed.
  await editor.getByRole("button", { name: "JSON" }).click();
  const area = editor.getByLabel("Definition (JSON)");
  const model = JSON.parse(await area.inputValue());
  expect(model.variants.map((v: { key: string }) => v.key)).toEqual(["enterprise", "onboarding"]);
  await area.fill("{ nope");
  await expect(check).toContainText("Not valid JSON");
  await editor.getByRole("button", { name: "Visual" }).click();
  await expect(editor).toContainText("The visual editor needs a well-formed definition first");
  await area.fill(JSON.stringify(model, null, 2));
  await editor.getByRole("button", { name: "Visual" }).click();
  await expect(node(editor, "Category", "Support")).toBeVisible();

  await editor.getByRole("button", { name: "Save draft" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.reload();
  await expect(
    node(page.getByRole("region", { name: "Edit draft v1" }), "Metric", "Open support tickets"),
  ).toContainText("3 bands");

  // Publish it: the portfolio is rescored with the new scorecard.
  const versions = page.getByRole("table", { name: `${scorecard}: versions` });
  await versions.getByRole("button", { name: "Publish…" }).click();
  await versions.getByLabel("Change note for v1").fill("First expansion readiness model, built in the builder");
  await versions.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(versions.getByText(/Published v1; rescoring every account/)).toBeVisible();

  // Once the worker has run, the portfolio shows the new scorecard over every active account the preview counted.
  const scorecardId = new URL(page.url()).searchParams.get("scorecard");
  await expect(async () => {
    await page.goto(`/portfolio?scorecard=${scorecardId}`);
    await expect(page.getByText(`${scorecard} v1 · scored through`)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 90_000 });
  const accountsKpi = page.locator(".kpi").filter({ has: page.locator("dt", { hasText: /^Accounts scored$/ }) });
  await expect(accountsKpi.locator("dd").first()).toHaveText(active.toLocaleString("en-US"));
});
