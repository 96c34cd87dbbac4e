import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z
    .string({
      error:
        "is not set — start the app with `npm start`, which provides the embedded database, or set it to a PostgreSQL URL",
    })
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL"),
  NEXTAUTH_SECRET: z
    .string({ error: "is not set — `npm start` generates one; set a random string of 32+ characters in production" })
    .min(32, "must be at least 32 characters"),
  NEXTAUTH_URL: z.url("must be the app's public URL, e.g. http://localhost:3000").optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** Validates `source`; throws one message naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")} ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** The validated server environment (checked once, at start-up). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
