#!/usr/bin/env node
// Builds the package in the current directory: ESM + CJS JavaScript through rollup and
// @rollup/plugin-typescript, then one bundled declaration file per entry through api-extractor,
// laid out for `require` and `import` by declarationFiles.mjs.
//
// No source maps are shipped. They pointed at src/*.ts, which a package does not ship, and carried no
// sources: they only renamed stack frames to the repo's file and line, and only under
// `node --enable-source-maps`. The bundles are not minified (names, structure and comments kept), so
// a frame such as dist/esm/chunks/createSyncClientClass-<hash>.js:1234 reads as it is. The maps were a
// quarter of every installed package (0.6 MB of @azkit/mgmt-keyvault's 2.3 MB with dependencies).
// One shared build for every package, so no package carries its own copy of this config.
import { rmSync } from "node:fs";
import { builtinModules } from "node:module";
import { resolve } from "node:path";
import typescript from "@rollup/plugin-typescript";
import { rollup } from "rollup";
import { runApiExtractor } from "./apiExtractor.mjs";
import { checkSizeBudget } from "./checkSizeBudget.mjs";
import { writeDeclarationFiles } from "./declarationFiles.mjs";
import { readPackageEntries } from "./packageEntries.mjs";

const packageDir = process.cwd();
const { pkg, entries } = readPackageEntries(packageDir);
const dependencyNames = Object.keys({
  ...pkg.dependencies,
  ...pkg.peerDependencies,
  ...pkg.optionalDependencies,
});
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const isExternal = (id) =>
  builtins.has(id) || dependencyNames.some((dep) => id === dep || id.startsWith(`${dep}/`));

rmSync(resolve(packageDir, "dist"), { recursive: true, force: true });

const bundle = await rollup({
  input: Object.fromEntries(entries.map((e) => [e.name, resolve(packageDir, e.source)])),
  external: isExternal,
  onwarn(warning) {
    // A warning is a build problem we want to see fail, not scroll by.
    throw new Error(`rollup: ${warning.message}`);
  },
  plugins: [
    typescript({
      tsconfig: resolve(packageDir, "tsconfig.json"),
      outDir: resolve(packageDir, "dist"),
      declaration: true,
      declarationDir: resolve(packageDir, "dist/types"),
      noEmitOnError: true,
      sourceMap: false,
    }),
  ],
});
await bundle.write({
  dir: resolve(packageDir, "dist"),
  format: "es",
  entryFileNames: "esm/[name].js",
  chunkFileNames: "esm/chunks/[name]-[hash].js",
  sourcemap: false,
});
await bundle.write({
  dir: resolve(packageDir, "dist"),
  format: "cjs",
  entryFileNames: "cjs/[name].cjs",
  chunkFileNames: "cjs/chunks/[name]-[hash].cjs",
  sourcemap: false,
  exports: "named",
  interop: "auto",
});
await bundle.close();

for (const entry of entries) runApiExtractor({ packageDir, entry, mode: "bundle" });
writeDeclarationFiles(packageDir, entries);
const size = checkSizeBudget(packageDir, pkg.name);
console.log(
  `built ${pkg.name}: ${entries.map((e) => e.subpath).join(", ")}; ${size.bytes} of ${size.budget} budgeted bytes of ESM`,
);
