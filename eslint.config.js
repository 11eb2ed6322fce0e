// ESLint: TypeScript with type information, React hooks, import order, the
// layer rule (docs/decisions/0009-layers-and-messages.md) and the message
// channel's rule that no user-visible English is written outside app/locales.
import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

import consultation from "./scripts/eslint/plugin.js";

/** Each layer may import only the layers below it: lib ← utils ← models ← routes/components. */
const LAYERS = [
  { target: "./app/lib", from: ["./app/utils", "./app/models", "./app/routes", "./app/components", "./app/generated"] },
  { target: "./app/utils", from: ["./app/models", "./app/routes", "./app/components"] },
  { target: "./app/models", from: ["./app/routes", "./app/components"] },
  { target: "./app/components", from: ["./app/routes"] },
];

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "build/",
      "public/build/",
      "app/generated/",
      "tmp/",
      "data/",
      "test-results/",
      "playwright-report/",
      ".cache/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["*.js", "*.mjs"] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    plugins: { "import-x": importX, consultation },
    settings: {
      // The dependency graph (no-cycle) parses TypeScript files with the TypeScript parser.
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx", ".mts", ".cts"] },
      "import-x/extensions": [".ts", ".tsx", ".js", ".jsx", ".mjs"],
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
    },
    rules: {
      "max-len": [
        "error",
        { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true, ignorePattern: "^import |^\\s*// eslint" },
      ],
      "import-x/order": [
        "error",
        {
          groups: ["builtin", "external", "internal", ["parent", "sibling", "index"], "type"],
          pathGroups: [{ pattern: "~/**", group: "internal" }],
          "newlines-between": "always",
          alphabetize: { order: "asc", caseInsensitive: true },
        },
      ],
      "import-x/no-duplicates": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-restricted-paths": ["error", { zones: LAYERS }],
      "max-lines": ["error", { max: 500, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    files: ["app/lib/**/*.ts"],
    ignores: ["app/lib/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@remix-run/*", "@prisma/*", "react", "react-dom"],
              message: "app/lib is pure: no framework or database.",
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      "app/routes/**/*.{ts,tsx}",
      "app/components/**/*.tsx",
      "app/models/**/*.ts",
      "app/lib/**/*.ts",
      "app/utils/**/*.{ts,tsx}",
      "app/root.tsx",
    ],
    ignores: ["**/*.test.{ts,tsx}", "**/__fixtures__/**"],
    rules: { "consultation/no-literal-ui-text": "error" },
  },
  {
    // Remix's idiom: loaders and actions throw Responses (redirect, 404) on purpose.
    files: ["app/routes/**", "app/utils/**", "app/root.tsx"],
    rules: { "@typescript-eslint/only-throw-error": "off" },
  },
  {
    files: ["app/locales/**"],
    rules: { "max-lines": "off" },
  },
  {
    // Plain JavaScript (scripts, configs) is linted without type information.
    files: ["**/*.{js,mjs,cjs}"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.test.{ts,tsx}", "tests/**", "bench/**"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
    },
  },
);
