// ESLint (flat config): Next.js's rules (core web vitals, TypeScript), every jsx-a11y
// recommended rule, and the layer boundaries of docs/architecture.md as import rules.
// `npm test` runs it first; no blanket disables.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import jsxA11y from "eslint-plugin-jsx-a11y";

const restrict = (patterns) => ["error", { patterns }];

/** Imports a layer may not make, with the reason shown in the error. */
const NO_APP = { group: ["@/app/*", "@/app"], message: "app/ is the routes: move what is shared into components/ or lib/." };
const NO_DB = { group: ["@/lib/db/*", "@/lib/db"], message: "Only lib/server talks to the database (it checks role and park there)." };
const NO_SERVER_VALUES = {
  group: ["@/lib/server/*"],
  allowTypeImports: true,
  message: "Components get data from their page and write through lib/actions; only types may come from lib/server.",
};
const NO_IO = [
  { group: ["@/lib/server/*", "@/lib/db/*", "@/lib/auth/*", "@/lib/actions/*", "@/lib/api/*"], allowTypeImports: true, message: "lib/domain is pure rules: no I/O layer." },
  // node:crypto stays allowed: randomness for temporary passwords, no I/O.
  { group: ["next", "next/*", "react", "react-dom", "pg", "@prisma/*", "exceljs", "node:*", "!node:crypto", "fs", "path"], message: "lib/domain is pure rules: no framework or I/O." },
];
/** next-intl's entry is React (hooks, next/headers): lib/server and lib/i18n also run in the job worker, plain Node. */
const NO_NEXT_INTL = {
  group: ["next-intl", "next-intl/*"],
  message: "lib/server and lib/i18n also run in the job worker (plain Node under react-server, where next-intl's React entry fails to load): use createTranslator from use-intl/core.",
};
const NO_UPWARD_FROM_SERVER = [
  NO_NEXT_INTL,
  { group: ["@/lib/auth/*", "@/lib/actions/*", "@/lib/api/*"], message: "lib/server is below auth, actions and the API: they call it, not the other way." },
  { group: ["@/components/*", "@/app/*"], message: "lib/server renders nothing." },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    name: "jsx-a11y/recommended",
    files: ["**/*.tsx"],
    rules: jsxA11y.flatConfigs.recommended.rules,
  },
  {
    name: "project/rules",
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "import/no-duplicates": "error",
    },
  },
  {
    name: "boundaries/components",
    files: ["components/**"],
    rules: { "@typescript-eslint/no-restricted-imports": restrict([NO_APP, NO_DB, NO_SERVER_VALUES]) },
  },
  {
    name: "boundaries/app",
    files: ["app/**"],
    rules: { "@typescript-eslint/no-restricted-imports": restrict([NO_DB]) },
  },
  {
    name: "boundaries/domain",
    files: ["lib/domain/**", "lib/validation/**"],
    ignores: ["**/*.test.ts"],
    rules: { "@typescript-eslint/no-restricted-imports": restrict([NO_APP, ...NO_IO]) },
  },
  {
    name: "boundaries/server",
    files: ["lib/server/**", "lib/db/**"],
    rules: { "@typescript-eslint/no-restricted-imports": restrict([NO_APP, ...NO_UPWARD_FROM_SERVER]) },
  },
  {
    name: "boundaries/i18n",
    files: ["lib/i18n/**"],
    ignores: ["**/*.test.ts"],
    rules: { "@typescript-eslint/no-restricted-imports": restrict([NO_APP, NO_NEXT_INTL]) },
  },
  {
    name: "boundaries/actions-api-auth",
    files: ["lib/actions/**", "lib/api/**", "lib/auth/**"],
    rules: { "@typescript-eslint/no-restricted-imports": restrict([NO_APP, { group: ["@/components/*"], message: "lib/ renders nothing." }]) },
  },
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", "lib/db/generated/**", "playwright-report/**", "test-results/**", ".data/**", "next-env.d.ts", "coverage/**"],
  },
];

export default config;
