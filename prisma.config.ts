import { defineConfig } from "prisma/config";

// Only `prisma generate` uses this file; migrations run through
// scripts/db-migrate.ts and scripts/db-new-migration.ts (offline WASM engine).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
