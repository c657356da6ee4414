import { createRequire } from "node:module";
import { isAbsolute, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { SyncModuleLocation } from "./syncModuleLocation.js";

/**
 * The URL the worker imports for a module location. Package names resolve here (with `require`
 * conditions, the same file for every class of a package, so classes the worker makes from one
 * package share one copy of it); ESM-only packages are left to the worker's `import()`.
 */
export function resolveModuleUrl(options: SyncModuleLocation): string {
  const { moduleSpecifier, modulePath, resolveFrom } = options;
  if (modulePath !== undefined) return pathToFileURL(modulePath).href;
  if (moduleSpecifier === undefined) {
    throw new TypeError("createSyncClientClass: give moduleSpecifier or modulePath");
  }
  const specifier = String(moduleSpecifier);
  if (/^[a-z][a-z0-9+.-]+:/i.test(specifier)) return specifier;
  if (isAbsolute(specifier)) return pathToFileURL(specifier).href;
  const base = resolveFrom ?? pathToFileURL(join(process.cwd(), "index.js"));
  try {
    return pathToFileURL(createRequire(base).resolve(specifier)).href;
  } catch {
    // ESM-only packages have no "require" export; the worker's import() resolves it then.
    return specifier;
  }
}
