import { readFileSync } from "node:fs";
import path from "node:path";
import { createScorer, validateModel, type AccountScore } from "../scoring";
import { checkNumericValues, InputError, parseScoreInput } from "./score-input";

const USAGE =
  "usage: npm run score -- --model <model.json> --input <accounts.json|accounts.csv> [--as-of YYYY-MM-DD] [--raw-weights]";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function parseArgs(args: string[]) {
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) throw new InputError(`unexpected argument "${arg}"\n${USAGE}`);
    const name = arg.slice(2);
    if (name === "raw-weights" || name === "help") options[name] = true;
    else {
      const value = args[++i];
      if (value === undefined || value.startsWith("--")) throw new InputError(`--${name} needs a value\n${USAGE}`);
      options[name] = value;
    }
  }
  return options;
}

function read(file: string, what: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    throw new InputError(`cannot read the ${what} file ${file}`);
  }
}

/** The scorer's whole run, without touching the process: testable and deterministic for a given `now`. */
export function runScoreCli(args: string[], now: Date): CliResult {
  try {
    const options = parseArgs(args);
    if (options.help) return { code: 0, stdout: `${USAGE}\n`, stderr: "" };
    if (typeof options.model !== "string" || typeof options.input !== "string") throw new InputError(USAGE);
    const modelText = read(options.model, "model");
    let modelJson: unknown;
    try {
      modelJson = JSON.parse(modelText);
    } catch (error) {
      throw new InputError(`${options.model} is not valid JSON: ${(error as Error).message}`);
    }
    const validation = validateModel(modelJson, { rawWeights: options["raw-weights"] === true });
    if (!validation.ok) {
      const lines = validation.issues.map((i) => `  ${i.path}: ${i.message}`);
      throw new InputError(`${options.model} is not a valid model:\n${lines.join("\n")}`);
    }
    const model = validation.model;
    const scorer = createScorer(model, model.name ?? path.basename(options.model, ".json"));
    const base = scorer.compiledFor(null);
    const format = options.input.toLowerCase().endsWith(".csv") ? "csv" : "json";
    let input;
    try {
      input = parseScoreInput(read(options.input, "input"), format, new Set(base.metrics.map((m) => m.key)));
    } catch (error) {
      if (error instanceof InputError) throw new InputError(`${options.input}: ${error.message}`);
      throw error;
    }
    checkNumericValues(input.accounts, base);
    const asOf = typeof options["as-of"] === "string" ? options["as-of"] : (input.asOf ?? now.toISOString());
    if (Number.isNaN(Date.parse(asOf))) throw new InputError(`--as-of "${asOf}" is not a date`);
    const scores = scorer.scoreAccounts(input.accounts, { asOf });
    const output = {
      model: {
        name: model.name ?? null,
        range: model.range,
        lowest: base.lowest,
        highest: base.highest,
        minCoverage: model.minCoverage,
      },
      asOf,
      accounts: scores.map(present),
    };
    const unknown = scores.flatMap((s) =>
      s.metrics
        .filter((m) => m.reason === "unknown_option")
        .map((m) => `account ${s.id}: "${String(m.raw)}" is not an option of ${m.metric}`),
    );
    return {
      code: 0,
      stdout: `${JSON.stringify(output, null, 2)}\n`,
      stderr: unknown.map((u) => `warning: ${u}\n`).join(""),
    };
  } catch (error) {
    if (error instanceof InputError || error instanceof RangeError)
      return { code: 2, stdout: "", stderr: `error: ${error.message}\n` };
    throw error;
  }
}

function present(s: AccountScore) {
  return {
    id: s.id,
    variant: s.variant,
    score: s.score,
    tier: s.tier,
    coverage: s.coverage,
    contributions: s.metrics.map((m) => ({
      metric: m.metric,
      name: m.name,
      category: m.category.join(" › ") || null,
      raw: m.raw,
      normalized: m.normalized,
      observedAt: m.observedAt,
      points: m.points,
      effectiveWeight: m.effectiveWeight,
      contribution: m.contribution,
      status: m.status,
      reason: m.reason,
    })),
    categories: s.categories,
  };
}
