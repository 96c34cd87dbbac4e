/** Runs one import commit in its own process, so a test can kill it part-way. */
import { commitImport } from "../../lib/services/imports/commit";

const [organizationId, importId] = process.argv.slice(2);
commitImport(organizationId!, importId!).then(
  () => process.exit(0),
  () => process.exit(1),
);
