import { readPackageVersion } from "./packageVersion.js";

/** This package's short name, for the User-Agent header. */
export const CORE_HTTP_PACKAGE = "core-http";

let version: string | undefined;

/** The version of \@azkit/core-http, read once from its own package.json (see readPackageVersion). */
export function getCoreHttpVersion(): string {
  version ??= readPackageVersion("@azkit/core-http", import.meta.url);
  return version;
}
