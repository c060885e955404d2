// Conventions the tools enforce (see docs/architecture.md, "Conventions"): type-aware
// typescript-eslint, React hooks rules, and the import boundaries between the parts.
import { readdirSync } from "node:fs";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import { importX } from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import globals from "globals";

/** Every file linted belongs to one of these (tests and benches to the *.test.json ones). */
const TSCONFIGS = [
  "packages/rules/tsconfig.test.json",
  "packages/contracts/tsconfig.json",
  "packages/server/tsconfig.test.json",
  "packages/bureau-sim/tsconfig.test.json",
  "packages/web/tsconfig.json",
  "e2e/tsconfig.json",
];

const WEB_FEATURES = "packages/web/src/features";
const features = readdirSync(WEB_FEATURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** A feature imports another feature only through that feature's index.ts (bulletproof-react). */
const featureZones = features.map((feature) => ({
  target: `${WEB_FEATURES}/${feature}`,
  from: WEB_FEATURES,
  except: [`./${feature}`, ...features.filter((other) => other !== feature).map((other) => `./${other}/index.ts`)],
  message: "跨功能引用只能经由对方的 index.ts（web: no deep imports into another feature）",
}));

/** Import boundaries between the packages; a violation names the rule it breaks. */
const packageZones = [
  {
    target: "packages/rules",
    from: ["packages/contracts", "packages/server", "packages/bureau-sim", "packages/web"],
    message: "rules is pure: it imports no other package of the project",
  },
  {
    target: "packages/contracts",
    from: ["packages/server", "packages/bureau-sim", "packages/web"],
    message: "contracts imports only rules",
  },
  {
    target: "packages/web",
    from: ["packages/server", "packages/bureau-sim"],
    message: "the web app talks to the server over HTTP only: never import server or bureau-sim",
  },
  {
    target: "packages/server/src",
    from: ["packages/bureau-sim", "packages/web"],
    message: "the server reaches the bureau over SOAP only: never import bureau-sim or web",
  },
  {
    target: "packages/server/test",
    from: ["packages/bureau-sim/src", "packages/web"],
    message: "server tests reach the simulator through its package entry (@beian/bureau-sim), not its src files",
  },
  {
    target: "packages/bureau-sim",
    from: ["packages/server", "packages/web"],
    message: "the simulator stands for the bureau: never import server or web",
  },
  {
    target: ["packages/web/src/components", "packages/web/src/lib"],
    from: WEB_FEATURES,
    message: "shared web pieces (components/, lib/) import no feature",
  },
];

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "**/node_modules/**",
      "**/drizzle/**",
      "data/**",
      "tmp/**",
      "e2e/screenshots/**",
      "packages/web/vite.config.ts",
      "**/*.config.ts",
      "**/*.config.js",
      "scripts/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: TSCONFIGS, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [
        createTypeScriptImportResolver({
          project: TSCONFIGS,
          conditionNames: ["source", "import", "types", "default"],
        }),
      ],
    },
    rules: {
      "import-x/no-restricted-paths": ["error", { zones: [...packageZones, ...featureZones] }],
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Fastify plugins and route handlers are async by contract even when they await nothing.
      "@typescript-eslint/require-await": "off",
      // The PDF and letter texts use the ideographic space (U+3000) on purpose.
      "no-irregular-whitespace": ["error", { skipStrings: true, skipTemplates: true }],
    },
  },
  {
    // Test and bench files read `app.inject(...).json()` and parsed XML, which are `any` by
    // design; the unsafe-any family would only add casts there.
    files: ["**/test/**", "**/*.test.ts", "**/bench/**", "e2e/**"],
    rules: {
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/unbound-method": "off",
    },
  },
  {
    files: ["packages/web/src/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
);
