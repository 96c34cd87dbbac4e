import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runScoreCli } from "@/lib/cli/score-command";

const NOW = new Date("2026-11-22T12:00:00Z");
const EX = "docs/examples";
const dir = mkdtempSync(path.join(tmpdir(), "pulseboard-cli-"));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
const scores = (args: string[]) => {
  const r = runScoreCli(args, NOW);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as {
    model: { lowest: number; highest: number };
    accounts: {
      id: string;
      score: number | null;
      tier: { label: string };
      coverage: number;
      contributions: { metric: string; contribution: number; status: string; reason: string | null }[];
    }[];
  };
};

describe("command-line scorer on the documented examples", () => {
  it("reproduces the worked example: 77, and renormalises a partial account", () => {
    const out = scores(["--model", `${EX}/worked-example.model.json`, "--input", `${EX}/worked-example.input.csv`]);
    expect(out.accounts[0]).toMatchObject({ id: "ACME-1", score: 77, tier: { label: "Healthy" }, coverage: 1 });
    expect(out.accounts[0]!.contributions.map((c) => c.contribution)).toEqual([24, 14, 22.5, 9, 7.5]);
    expect(out.accounts[1]).toMatchObject({ id: "ACME-2", score: 76, coverage: 0.5 });
  });

  it("scores the points model with negative points", () => {
    const out = scores([
      "--model",
      `${EX}/points-sentiment.model.json`,
      "--input",
      `${EX}/points-sentiment.input.json`,
    ]);
    expect([out.model.lowest, out.model.highest]).toEqual([-10, 17.5]);
    expect(out.accounts.map((a) => [a.id, a.score, a.tier.label])).toEqual([
      ["good", 15.25, "Strong"],
      ["neutral", 1.25, "Watch"],
      ["bad", -8.5, "Critical"],
      ["old-sentiment", 5.75, "Watch"],
    ]);
    expect(out.accounts[3]!.contributions[0]).toMatchObject({
      metric: "csm_sentiment",
      status: "neutral",
      reason: "stale",
    });
  });

  it("scores the full B2B model with its variants as documented", () => {
    const out = scores(["--model", `${EX}/b2b-saas-health.model.json`, "--input", `${EX}/b2b-saas-health.input.json`]);
    const [northwind, blueharbor, silverline] = out.accounts;
    expect(northwind!.score).toBeCloseTo(81.8643, 4);
    expect(northwind!.tier.label).toBe("Healthy");
    expect(blueharbor!.score).toBeCloseTo(45.5357, 4);
    expect(silverline).toMatchObject({ tier: { label: "Insufficient data" }, coverage: 0.26 });
  });
});

describe("bad input exits non-zero with a clear message", () => {
  const model = `${EX}/worked-example.model.json`;
  const fails = (args: string[]) => {
    const r = runScoreCli(args, NOW);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    return r.stderr;
  };

  it("names the file, line and column of a bad CSV value", () => {
    const input = file("bad.csv", "id,usage,engagement\nA,80,70\nB,eighty,70\n");
    expect(fails(["--model", model, "--input", input])).toBe(
      `error: account B, metric usage: "eighty" is not a number\n`,
    );
    const seats = file("seats.csv", "id,seats,usage\nA,many,80\n");
    expect(fails(["--model", model, "--input", seats])).toBe(
      `error: ${seats}: line 2, column seats: "many" is not a number\n`,
    );
  });

  it("names the line of a row with missing cells or a broken quote", () => {
    const short = file("short.csv", "id,usage,engagement\n\nA,80,70\nB,80\n");
    expect(fails(["--model", model, "--input", short])).toBe(
      `error: ${short}: line 4: 2 cells, but the header has 3 columns\n`,
    );
    const quote = file("quote.csv", 'id,usage\nA,"80\n');
    expect(fails(["--model", model, "--input", quote])).toMatch(/line 2: a quoted field is never closed/i);
  });

  it("refuses unknown columns and metrics instead of dropping data", () => {
    const input = file("typo.csv", "id,usgae\nA,80\n");
    expect(fails(["--model", model, "--input", input])).toMatch(
      /column "usgae" is neither an account field .* nor a metric of the model/,
    );
    const json = file("typo.json", JSON.stringify([{ id: "A", values: { usgae: 1 } }]));
    expect(fails(["--model", model, "--input", json])).toMatch(
      /accounts\[0\] \(A\): "usgae" is not a metric of the model/,
    );
  });

  it("lists every problem of an invalid model", () => {
    const bad = file(
      "model.json",
      JSON.stringify({
        range: { min: 0, max: 100 },
        metrics: [{ metric: "a", weight: 95, rule: { type: "linear", worst: 0, best: 1 } }],
        tiers: [{ min: 5, label: "X", color: "#000000" }],
      }),
    );
    expect(fails(["--model", bad, "--input", file("in.json", "[]")])).toBe(
      `error: ${bad} is not a valid model:\n  (top level): Top level: weights total 95 %, must be 100 %\n  tiers[0].min: tiers leave a gap between 0 and 5\n`,
    );
  });

  it("missing files, bad JSON, missing arguments", () => {
    expect(fails(["--model", "nope.json", "--input", "x.csv"])).toBe("error: cannot read the model file nope.json\n");
    expect(fails(["--model", file("broken.json", "{"), "--input", "x.csv"])).toMatch(/is not valid JSON/);
    expect(fails(["--model", model])).toMatch(/^error: usage: npm run score/);
  });

  it("runs as a real command with the exit status", () => {
    const ok = execFileSync(
      process.execPath,
      [
        "node_modules/tsx/dist/cli.mjs",
        "scripts/score.ts",
        "--model",
        model,
        "--input",
        `${EX}/worked-example.input.csv`,
      ],
      { encoding: "utf8" },
    );
    expect(JSON.parse(ok).accounts[0].score).toBe(77);
    const bad = spawnSync(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "scripts/score.ts", "--model", model, "--input", "missing.csv"],
      { encoding: "utf8" },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("cannot read the input file missing.csv");
  });
});
