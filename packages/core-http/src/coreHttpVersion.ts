import { createRequire } from "node:module";

/** This package's short name, for the User-Agent header. */
export const CORE_HTTP_PACKAGE = "core-http";

let version: string | undefined;

/**
 * The version of \@azkit/core-http, read once from its own package.json (a self-reference through
 * its `exports`), so a version bump never needs a code change. "0.0.0" when bundled away from it.
 */
export function getCoreHttpVersion(): string {
  if (version === undefined) {
    try {
      version = (createRequire(import.meta.url)("@azkit/core-http/package.json") as { version: string })
        .version;
    } catch {
      version = "0.0.0";
    }
  }
  return version;
}
