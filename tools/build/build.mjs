#!/usr/bin/env node
// Builds the package in the current directory: ESM + CJS JavaScript through rollup and
// @rollup/plugin-typescript, then one bundled .d.ts per entry through api-extractor, with a .d.cts
// twin for `require` (in a "type": "module" package a .d.ts is read as ESM, so CJS users would get
// types that claim the package is ESM-only; publint and attw flag that as "masquerading as ESM").
// One shared build for every package, so no package carries its own copy of this config.
import { copyFileSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import { resolve } from "node:path";
import typescript from "@rollup/plugin-typescript";
import { rollup } from "rollup";
import { runApiExtractor } from "./apiExtractor.mjs";
import { checkSizeBudget } from "./checkSizeBudget.mjs";
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
      sourceMap: true,
    }),
  ],
});
await bundle.write({
  dir: resolve(packageDir, "dist"),
  format: "es",
  entryFileNames: "esm/[name].js",
  chunkFileNames: "esm/chunks/[name]-[hash].js",
  sourcemap: true,
});
await bundle.write({
  dir: resolve(packageDir, "dist"),
  format: "cjs",
  entryFileNames: "cjs/[name].cjs",
  chunkFileNames: "cjs/chunks/[name]-[hash].cjs",
  sourcemap: true,
  exports: "named",
  interop: "auto",
});
await bundle.close();

for (const entry of entries) {
  runApiExtractor({ packageDir, entry, mode: "bundle" });
  copyFileSync(
    resolve(packageDir, `dist/${entry.name}.d.ts`),
    resolve(packageDir, `dist/${entry.name}.d.cts`),
  );
}
const size = checkSizeBudget(packageDir, pkg.name);
console.log(
  `built ${pkg.name}: ${entries.map((e) => e.subpath).join(", ")}; ${size.bytes} of ${size.budget} budgeted bytes of ESM`,
);
