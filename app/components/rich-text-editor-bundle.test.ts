/**
 * The rich-text editor (Tiptap and ProseMirror, about 120 KB gzipped) is
 * fetched only when a comment form is shown (issue 17, "light pages"): no
 * page may load it with its route, so an anonymous reader never downloads it.
 *
 * Checked without a build: the browser bundle is made here with esbuild the
 * way Remix's classic compiler makes it — every route reduced to its
 * client exports, `.server` modules and Node built-ins empty, code
 * splitting on — and each entry's static imports are followed chunk by
 * chunk. A chunk reached only through a dynamic `import()` is not loaded
 * with the page, so it may hold the editor.
 */
import fs from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { build, type Metafile, type Plugin } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const app = path.join(root, "app");

/** What Remix keeps of a route module in the browser (@remix-run/dev's browser route modules plugin). */
const CLIENT_EXPORTS = new Set([
  "clientAction",
  "clientLoader",
  "default",
  "ErrorBoundary",
  "handle",
  "HydrateFallback",
  "Layout",
  "links",
  "meta",
  "shouldRevalidate",
]);

const EDITOR_PACKAGE = /node_modules\/(@tiptap\/|prosemirror-)/;
const READER_ROUTE = "routes/consultations.$slug.versions.$n.tsx";

function routeFiles(): string[] {
  return fs
    .readdirSync(path.join(app, "routes"))
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => `routes/${file}`);
}

async function exportsOf(file: string): Promise<string[]> {
  const result = await build({ entryPoints: [file], bundle: false, write: false, metafile: true, logLevel: "silent" });
  return Object.values(result.metafile.outputs).flatMap((output) => output.exports);
}

const PROXY = "remix-browser-route";

const browserBuild: Plugin = {
  name: "remix-like-browser-build",
  setup(builder) {
    builder.onResolve({ filter: /^remix-browser-route:/ }, (args) => ({
      path: path.join(app, args.path.slice(PROXY.length + 1)),
      namespace: PROXY,
    }));
    builder.onLoad({ filter: /.*/, namespace: PROXY }, async (args) => {
      const kept = (await exportsOf(args.path)).filter((name) => CLIENT_EXPORTS.has(name));
      return {
        contents: `export { ${kept.join(", ")} } from ${JSON.stringify(args.path)};`,
        resolveDir: path.dirname(args.path),
        loader: "js",
      };
    });
    const builtins = new Set(builtinModules);
    builder.onResolve({ filter: /.*/ }, (args) => {
      const bare = args.path.replace(/^node:/, "");
      if (args.path.startsWith("node:") || builtins.has(bare)) return { path: args.path, namespace: "empty" };
      if (/\.server(\.[jt]sx?)?$/.test(args.path)) return { path: args.path, namespace: "empty" };
      return undefined;
    });
    builder.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "module.exports = {};", loader: "js" }));
  },
};

let metafile: Metafile;
/** Output path of each entry, by its name relative to app/. */
const outputOf = new Map<string, string>();

beforeAll(async () => {
  const entries = ["entry.client.tsx", "root.tsx", ...routeFiles()];
  const result = await build({
    absWorkingDir: app,
    entryPoints: Object.fromEntries(entries.map((entry, i) => [`entry-${i}`, `${PROXY}:${entry}`])),
    outdir: path.join(root, "node_modules/.cache/rich-text-editor-bundle-test"),
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    loader: { ".css": "empty", ".svg": "empty", ".png": "empty", ".woff2": "empty" },
    treeShaking: true,
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins: [browserBuild],
  });
  metafile = result.metafile;
  for (const [output, { entryPoint }] of Object.entries(metafile.outputs)) {
    // The proxy's resolved path: "remix-browser-route:/…/app/routes/x.tsx".
    if (entryPoint?.startsWith(`${PROXY}:`)) {
      outputOf.set(path.relative(app, entryPoint.slice(PROXY.length + 1)), output);
    }
  }
}, 120_000);

/** Every chunk the browser loads with this entry: the entry and what it imports statically, transitively. */
function loadedWith(entry: string): string[] {
  const start = outputOf.get(entry);
  if (!start) throw new Error(`no output for ${entry}`);
  return staticClosure(start);
}

function staticClosure(start: string): string[] {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const imported of metafile.outputs[queue.pop()!].imports) {
      if (imported.kind === "import-statement" && !imported.external && !seen.has(imported.path)) {
        seen.add(imported.path);
        queue.push(imported.path);
      }
    }
  }
  return [...seen];
}

function editorModulesIn(outputs: string[]): string[] {
  return outputs.flatMap((output) =>
    Object.keys(metafile.outputs[output].inputs).filter((input) => EDITOR_PACKAGE.test(input)),
  );
}

describe("the rich-text editor in the browser bundle", () => {
  it.each(["entry.client.tsx", "root.tsx", ...routeFiles()])("is not loaded with %s", (entry) => {
    expect(editorModulesIn(loadedWith(entry))).toEqual([]);
  });

  it("is fetched by the reader's comment form through a dynamic import", () => {
    // Without this the test above would also pass if the editor had vanished from the bundle.
    const fetchedLater = metafile.outputs[outputOf.get(READER_ROUTE)!].imports.filter(
      (imported) => imported.kind === "dynamic-import",
    );
    const later = fetchedLater.flatMap((imported) => staticClosure(imported.path));
    expect(editorModulesIn(later).filter((input) => input.includes("@tiptap/react/"))).not.toEqual([]);
  });
});
