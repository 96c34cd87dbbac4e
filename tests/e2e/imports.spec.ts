import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { checkPage } from "./a11y";
import { signIn } from "./helpers";

test("an admin uploads a CSV with mistakes, reviews it, commits, and downloads the rejected rows", async ({
  page,
}, testInfo) => {
  await signIn(page, "admin@acme.example");
  await page.getByRole("link", { name: "Imports" }).click();
  await expect(page.getByRole("heading", { name: "Imports", level: 1 })).toBeVisible();
  await page.getByLabel("What the file holds").selectOption("observations");
  const templateDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download a template" }).click();
  const template = readFileSync((await (await templateDownload).path())!, "utf8").split("\n");
  expect(template[0]).toBe("account_external_id,metric,observed_at,value");
  expect(template[1]).toMatch(/^ACME-\d{5},\w+,\d{4}-\d{2}-\d{2},/);

  await page.getByLabel("File", { exact: true }).setInputFiles("tests/e2e/fixtures/observations-with-mistakes.csv");
  await page.getByRole("button", { name: "Upload" }).click();

  await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Column mapping" })).toBeVisible();
  const preview = page.getByRole("region", { name: "First rows, checked with this mapping" });
  await expect(preview.locator("tbody tr")).toHaveCount(6);
  await expect(preview).toContainText("Read as UTF-8, comma-separated; numbers with a decimal point (3.5).");
  await expect(preview).toContainText('value: "very happy" is not a number');

  await page.getByRole("button", { name: "Import 6 rows" }).click();
  await expect(page.getByTestId("import-result")).toContainText(
    "2 of 6 rows accepted; 4 rejected. 2 new observations. Scores are being recomputed for the accounts it touched.",
    { timeout: 30_000 },
  );

  // Readings from January are history: the page says how to bring them into trends.
  await expect(page.getByTestId("import-history")).toContainText("Its readings go back to 5 Jan 2026.");
  await expect(page.getByTestId("import-history").getByRole("link", { name: "score the past" })).toHaveAttribute(
    "href",
    "/settings/scoring",
  );

  // The rejected rows show on the page too, each with its line, column and reason.
  const notImported = page.getByRole("region", { name: "Not imported" });
  await expect(notImported.locator("tbody tr")).toHaveCount(4);
  await expect(notImported.locator("tbody tr").first()).toContainText('"very happy" is not a number');
  await checkPage(page, testInfo, "import-result-rejections");

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: /Download the 4 rejected rows/ }).click();
  const download = await downloadPromise;
  const report = readFileSync((await download.path())!, "utf8")
    .trim()
    .split("\n");
  expect(report[0]).toBe("line,column,reason,row");
  expect(report.slice(1).map((l) => l.split(",").slice(0, 2).join(","))).toEqual([
    "4,value",
    "5,account_external_id",
    "6,metric",
    "7,observed_at",
  ]);

  // The same file again stores nothing twice, and says so.
  await page.getByRole("link", { name: "← Imports" }).click();
  await page.getByLabel("What the file holds").selectOption("observations");
  await page.getByLabel("File", { exact: true }).setInputFiles("tests/e2e/fixtures/observations-with-mistakes.csv");
  await page.getByRole("button", { name: "Upload" }).click();
  // The file's columns are mapped as last time (the other test's file has other column names).
  await expect(page.getByText("Mapped as the same columns were in observations-with-mistakes.csv")).toBeVisible();
  await page.getByRole("button", { name: "Import 6 rows" }).click();
  await expect(page.getByTestId("import-result")).toContainText(
    "0 new observations; 2 rows repeated an observation already stored or on an earlier line (same account, metric, time and value) and changed nothing.",
    { timeout: 30_000 },
  );
  // Nothing changed, so nothing is rescored.
  await expect(page.getByTestId("import-result")).not.toContainText("Scores are being recomputed");
});

test("an admin says how slash dates read when the file cannot tell, and the import reads them so", async ({
  page,
}, testInfo) => {
  await signIn(page, "admin@acme.example");
  await page.goto("/imports");
  await page.getByLabel("What the file holds").selectOption("observations");
  await page.getByLabel("File", { exact: true }).setInputFiles("tests/e2e/fixtures/observations-us-dates.csv");
  await page.getByRole("button", { name: "Upload" }).click();

  const importButton = page.getByRole("button", { name: "Import 2 rows" });
  await expect(page.getByText("Choose how the file's slash dates read first.")).toBeVisible();
  await expect(importButton).toBeDisabled();
  const preview = page.getByRole("region", { name: "First rows, checked with this mapping" });
  await expect(preview).toContainText('"03/04/2026" could be 3 April or March 4');
  await checkPage(page, testInfo, "import-review-date-order");

  await page.getByLabel("Dates like 06/07/2026").selectOption("mdy");
  // Saved as chosen: the preview and the Import button follow at once.
  await expect(page.getByRole("status")).toContainText("Saved; the preview below uses this mapping.");
  await expect(preview).toContainText("dates month/day/year");
  await expect(preview.locator("tbody .badge-ok")).toHaveCount(2);
  await importButton.click();
  await expect(page.getByTestId("import-result")).toContainText("2 of 2 rows accepted", { timeout: 30_000 });
});

test("an admin imports a wide usage file, a column per metric, counted in values", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await page.goto("/imports");
  await page.getByLabel("What the file holds").selectOption("observations");
  const templateDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "one with a column per metric" }).click();
  const template = readFileSync((await (await templateDownload).path())!, "utf8").split("\n");
  expect(template[0]).toMatch(/^account_external_id,observed_at,\w+,/);
  await page.getByLabel("File", { exact: true }).setInputFiles("tests/e2e/fixtures/usage-wide.csv");
  await page.getByRole("button", { name: "Upload" }).click();

  // Columns named as metrics are mapped to them by themselves; the others stay for the user to choose.
  const column = (header: string) =>
    page
      .locator("label.field")
      .filter({ hasText: new RegExp(`^${header}`) })
      .locator("select");
  await expect(column("Support CSAT")).toHaveValue("metric:csat");
  await expect(column("CSM sentiment")).toHaveValue("metric:csm_sentiment");
  await expect(column("Plan")).toHaveValue("");
  const preview = page.getByRole("region", { name: "First rows, checked with this mapping" });
  await expect(preview).toContainText('Support CSAT: "five" is not a number');

  await page.getByRole("button", { name: "Import 3 rows" }).click();
  await expect(page.getByTestId("import-result")).toContainText("4 of 5 values accepted; 1 rejected.", {
    timeout: 30_000,
  });
  await expect(page.getByRole("region", { name: "Not imported" })).toContainText("Support CSAT");
});

test("an admin discards an upload instead of importing it", async ({ page }, testInfo) => {
  await signIn(page, "admin@acme.example");
  await page.goto("/imports");
  await page.getByLabel("What the file holds").selectOption("observations");
  await page.getByLabel("File", { exact: true }).setInputFiles("tests/e2e/fixtures/observations-us-dates.csv");
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("heading", { name: "Column mapping" })).toBeVisible();

  await page.getByRole("button", { name: "Discard upload" }).click();
  await expect(page.getByText("Discarded before it was imported")).toBeVisible();
  await expect(page.locator(".badge", { hasText: "Discarded" })).toBeVisible();
  // Nothing is left to review or commit.
  await expect(page.getByRole("heading", { name: "Column mapping" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  await checkPage(page, testInfo, "import-discarded");

  await page.getByRole("link", { name: "← Imports" }).click();
  // Listed as discarded (another test imports the same file, so the row is told by its status).
  const rows = page.locator("tbody tr").filter({ hasText: "observations-us-dates.csv" });
  await expect(rows.filter({ hasText: "Discarded" })).toHaveCount(1);
});

test("a CSM cannot import", async ({ page }) => {
  await signIn(page, "csm1.scale@acme.example");
  await expect(page.getByRole("link", { name: "Imports" })).toHaveCount(0);
  const response = await page.request.post("/api/imports?kind=observations&fileName=x.csv", { data: "a,b\n1,2\n" });
  expect(response.status()).toBe(403);
  expect(await response.json()).toEqual({
    error: { code: "FORBIDDEN", message: "You do not have permission to do that." },
  });
  expect((await page.request.get("/api/imports/template?kind=accounts")).status()).toBe(403);
});
