import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  fullyParallel: true,
  workers: 2,
  // Flaky tests get fixed, not retried into passing.
  retries: 0,
  // Generous: the walk-throughs take ~45 s on a quiet 2-core machine, and CI machines are often shared.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1400, height: 900 } } }],
  webServer: {
    // The real start path, on the test cluster with freshly loaded demo data.
    command: "node --import tsx scripts/start.ts",
    url: `http://localhost:${port}/login`,
    timeout: 600_000,
    reuseExistingServer: false,
    // Stopped as Ctrl-C stops npm start: the embedded PostgreSQL, in a process group of its own, is stopped by
    // start.ts after the web server (without this, the server's process group is killed and the cluster left running).
    gracefulShutdown: { signal: "SIGINT", timeout: 20_000 },
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      PULSEBOARD_CLUSTER: "test",
      PULSEBOARD_DATABASE: "pulseboard_e2e",
      PULSEBOARD_RESEED: "1",
      // Never point the browser tests (which reload the demo data) at DATABASE_URL.
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      NEXTAUTH_URL: `http://localhost:${port}`,
    },
  },
});
