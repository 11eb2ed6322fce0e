// "Is the production build older than its sources?", shared by `npm start`
// and the test suites that spawn built servers.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** @param {string} entry */
function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    if (child === "generated" || child === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

export function buildIsStale() {
  const at = (entry) => newestMtime(path.join(root, entry));
  const builtAt = Math.min(at("build/index.js"), at("build/server.js"));
  const sourcesAt = Math.max(
    ...["app", "server", "remix.config.js", "prisma/schema.prisma", "package-lock.json"].map(at),
  );
  return builtAt === 0 || builtAt < sourcesAt;
}

/** Runs `npm run build` when the build is missing or stale; returns whether it built. */
export function buildIfStale({ quiet = false } = {}) {
  if (!buildIsStale()) return false;
  if (!quiet) console.log("Building the app…");
  // Always a production build: under a test runner NODE_ENV is "test", and
  // Remix would compile JSX for React's development runtime, which the
  // production server does not have.
  const result = spawnSync("npm", ["run", "build", "--silent"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production" },
    stdio: quiet ? "pipe" : "inherit",
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(
      `npm run build failed (exit ${result.status ?? result.signal})` +
        (quiet ? `:\n${result.stdout}\n${result.stderr}` : ""),
    );
  }
  return true;
}
