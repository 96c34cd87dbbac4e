// `npm test`: unit and integration tests (vitest), then the browser tests
// (Playwright, skipped with one line when Chromium is missing), then one total.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";

mkdirSync("test-results", { recursive: true });
const run = (args) => spawnSync(process.execPath, args, { stdio: "inherit", env: process.env }).status ?? 1;
const totals = { passed: 0, failed: 0, skipped: 0 };

const vitestJson = "test-results/vitest.json";
const vitestStatus = run([
  "node_modules/vitest/vitest.mjs",
  "run",
  "--project",
  "unit",
  "--project",
  "integration",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestJson}`,
]);
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, "utf8"));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

let e2eStatus = 0;
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.log(`e2e: skipped — no Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH).`);
} else {
  const e2eJson = "test-results/e2e.json";
  e2eStatus =
    spawnSync(process.execPath, ["node_modules/@playwright/test/cli.js", "test", "--reporter=list,json"], {
      stdio: "inherit",
      env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson },
    }).status ?? 1;
  if (existsSync(e2eJson)) {
    const { stats } = JSON.parse(readFileSync(e2eJson, "utf8"));
    totals.passed += stats.expected;
    totals.failed += stats.unexpected + stats.flaky;
    totals.skipped += stats.skipped;
  }
}

console.log(`\nTotal: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(vitestStatus || e2eStatus || (totals.failed ? 1 : 0));
