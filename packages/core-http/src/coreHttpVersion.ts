/** This package's name and version, for the User-Agent header; kept in step with package.json by a test. */
export const CORE_HTTP_PACKAGE = "core-http";
/** The version of \@azkit/core-http. */
export const CORE_HTTP_VERSION = "0.1.0";
