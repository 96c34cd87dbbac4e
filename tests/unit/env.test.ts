import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("environment validation", () => {
  it("accepts a complete environment", () => {
    const env = parseEnv({ DATABASE_URL: "postgresql://u:p@localhost:5432/db", NEXTAUTH_SECRET: "x".repeat(32) });
    expect(env.DATABASE_URL).toContain("postgresql://");
  });

  it("names every missing or bad variable in one message", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://nope", NEXTAUTH_SECRET: "short" })).toThrow(
      /DATABASE_URL must be a postgresql:\/\/ URL[\s\S]*NEXTAUTH_SECRET must be at least 32 characters/,
    );
    expect(() => parseEnv({})).toThrow(/DATABASE_URL is not set[\s\S]*NEXTAUTH_SECRET is not set/);
  });
});
