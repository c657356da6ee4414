// Loads a package by name from tools/bench. An azkit package that is not built (no dist/) yet, or whose
// dependencies are not, becomes a NotAvailableError so its side of a scenario reads "n/a (not built)".
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { NotAvailableError } from "./notAvailable.mjs";

const require = createRequire(import.meta.url);

/** @param {string} name */
export function packageDir(name) {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    throw new NotAvailableError("not installed");
  }
}

/**
 * Whether the package's ESM entry exists on disk (built), and that of every @azkit package it depends
 * on (a workspace dependency resolves to its source folder, which has no dist/ until built).
 * @param {string} name @param {string} [fromDir] resolve from this package's folder
 */
export function isBuilt(name, fromDir) {
  let dir;
  try {
    const resolveFrom = fromDir ? createRequire(join(fromDir, "package.json")) : require;
    dir = dirname(resolveFrom.resolve(`${name}/package.json`));
  } catch {
    return false;
  }
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const entry = pkg.exports?.["."]?.import ?? pkg.module ?? pkg.main ?? "index.js";
  if (!existsSync(join(dir, typeof entry === "string" ? entry : (entry.default ?? "")))) return false;
  return Object.keys(pkg.dependencies ?? {})
    .filter((dep) => dep.startsWith("@azkit/"))
    .every((dep) => isBuilt(dep, dir));
}

/**
 * @param {string} name
 * @returns {Promise<Record<string, any>>}
 */
export async function loadPackage(name) {
  if (!isBuilt(name)) throw new NotAvailableError("not built");
  try {
    return await import(name);
  } catch (e) {
    const code = /** @type {{ code?: string }} */ (e).code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND")
      throw new NotAvailableError("not built");
    throw e;
  }
}

/**
 * Picks an export that must exist; a missing one means the package is still being written.
 * @param {Record<string, any>} mod @param {string} packageName @param {string} exportName
 */
export function requireExport(mod, packageName, exportName) {
  if (typeof mod[exportName] === "undefined") {
    throw new NotAvailableError(`${packageName} has no ${exportName} yet`);
  }
  return mod[exportName];
}
