import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { inject, describe, expect, it } from "vitest";
import { migrateDatabase } from "@/lib/db/migrate";
import { diffMigrationsToSchema } from "@/lib/db/schema-engine";

describe("migrations", () => {
  it("the committed migrations produce exactly prisma/schema.prisma", async () => {
    const shadow = new PGlite();
    try {
      expect(await diffMigrationsToSchema(new PrismaPGlite(shadow))).toBeNull();
    } finally {
      await shadow.close();
    }
  });

  it("applying them again is a no-op", async () => {
    expect(await migrateDatabase(inject("databaseUrl"))).toEqual([]);
  });
});
