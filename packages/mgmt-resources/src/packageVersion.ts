import { readPackageVersion } from "@azkit/core-http";

/** @internal The version of this package, sent in the User-Agent header: read from its own package.json, so a release bump needs no code change. */
export const PACKAGE_VERSION = readPackageVersion("@azkit/mgmt-resources", import.meta.url);
