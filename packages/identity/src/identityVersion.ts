import { readPackageVersion } from "@azkit/core-http";

/** This package's name and version, for the User-Agent header. */
export const IDENTITY_PACKAGE = "@azkit/identity";
/** The version of \@azkit/identity, read from its own package.json, so a release bump needs no code change. */
export const IDENTITY_VERSION = readPackageVersion(IDENTITY_PACKAGE, import.meta.url);
