import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Layer boundaries of docs/architecture (imports flow one way), enforced here.
const prismaOnlyInDb = {
  group: ["**/db/generated/**", "@prisma/client", "@prisma/client/*", "@prisma/adapter-pg", "pg"],
  message: "Only lib/db talks to Prisma or SQL; call a repository in lib/db instead.",
};
const rawClientOnlyInDb = {
  group: ["**/db/client"],
  importNames: ["db"],
  message: "Use a repository, or withTransaction, from lib/db.",
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "lib/db/generated/**",
      ".data/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    files: ["**/*.{ts,tsx}"],
    ignores: ["lib/db/**", "scripts/**", "tests/**", "bench/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [prismaOnlyInDb, rawClientOnlyInDb] }],
    },
  },
  {
    files: ["lib/scoring/**", "lib/alerts/**", "lib/segments/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["next", "next/*", "react", "react-*", "@prisma/*", "pg", "node:*", "fs", "path"],
              message: "lib/scoring, lib/alerts and lib/segments are pure: no framework, no database, no I/O.",
            },
            { group: ["../*", "@/*"], message: "Pure modules depend on nothing else in the project." },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "Pure modules have no clock: take the time as input.",
        },
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: "Pure modules are deterministic: no randomness.",
        },
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: "Pure modules have no clock." },
      ],
    },
  },
  {
    files: ["components/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            prismaOnlyInDb,
            {
              group: ["@/lib/db/*", "@/lib/services/*", "@/lib/auth/context", "@/lib/auth/options"],
              allowTypeImports: true,
              message: "Components get data as props; they may import types only.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.{ts,tsx}"],
    ignores: ["lib/actions/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "ExpressionStatement[directive='use server']",
          message: "Server actions live in lib/actions only, behind defineAction.",
        },
      ],
    },
  },
];
export default config;
