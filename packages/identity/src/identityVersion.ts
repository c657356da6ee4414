/** This package's name and version, for the User-Agent header; kept in step with package.json by a test. */
export const IDENTITY_PACKAGE = "@azkit/identity";
/** The version of \@azkit/identity. */
export const IDENTITY_VERSION = "0.1.0";
