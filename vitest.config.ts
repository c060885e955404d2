import { defineConfig } from "vitest/config";

// Workspace packages export their TypeScript source under the "source" condition, so tests
// run against source without a build; the built dist is what `npm start` runs.
const resolve = { conditions: ["source"] };

export default defineConfig({
  test: {
    projects: [
      { resolve, test: { name: "rules", root: "packages/rules", include: ["src/**/*.test.ts"] } },
      { resolve, test: { name: "contracts", root: "packages/contracts", include: ["src/**/*.test.ts"] } },
      // Pure modules of the web app (no DOM): the help center's generated content.
      { resolve, test: { name: "web", root: "packages/web", include: ["src/**/*.test.ts"], environment: "node" } },
      {
        resolve,
        test: {
          name: "server",
          root: "packages/server",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve,
        test: {
          name: "bureau-sim",
          root: "packages/bureau-sim",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve,
        test: {
          name: "e2e",
          root: "e2e",
          include: ["**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One browser at a time on a 2-core machine.
          fileParallelism: false,
          // What a browser flow waits for (a notice delivered by a job, a popup re-rendered) can
          // take seconds under load; expect.poll's default of 1 s is made for unit tests.
          expect: { poll: { timeout: 15_000 } },
          // Browser timing on a loaded 2-core machine (animations, focus after scrolling) makes a
          // rare first attempt miss; a flow that fails twice in a row fails the run.
          retry: 1,
        },
      },
    ],
  },
});
