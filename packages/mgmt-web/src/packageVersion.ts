/** @internal The version of this package, sent in the User-Agent header (kept in step by the release). */
export const PACKAGE_VERSION = "0.1.0";
