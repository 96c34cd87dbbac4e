/**
 * Command-line scorer: `npm run score -- --model model.json --input accounts.csv [--as-of 2026-11-22] [--raw-weights]`.
 * Prints every account's score, tier, coverage and contributions as JSON.
 * Bad input exits with status 2 and a message naming the file, line and field.
 */
import { runScoreCli } from "../lib/cli/score-command";

const result = runScoreCli(process.argv.slice(2), new Date());
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exit(result.code);
