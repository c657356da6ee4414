import { createRequire } from "node:module";

/**
 * The version of the installed package `packageName`, read from its own package.json through a
 * self-reference from `moduleUrl` (a file of that package), so a release's version bump needs no code
 * change. "0.0.0" when the package.json cannot be read (code bundled away from its package).
 *
 * Use it for the version a client sends in its User-Agent header (`packageVersion` of the pipeline
 * options). The package must export `"./package.json"`, as every azkit package does.
 *
 * @example
 * ```ts
 * const PACKAGE_VERSION = readPackageVersion("@azkit/storage-blob", import.meta.url);
 * ```
 * @public
 */
export function readPackageVersion(packageName: string, moduleUrl: string): string {
  try {
    const pkg = createRequire(moduleUrl)(`${packageName}/package.json`) as { version?: unknown };
    return typeof pkg.version === "string" ? pkg.version : "0.0.0";
  } catch {
    return "0.0.0";
  }
}
