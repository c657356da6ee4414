#!/usr/bin/env node
// `api-report.mjs check` fails when a package's public API drifted from review/*.api.md;
// `api-report.mjs update` rewrites the reports. Run in a package directory after its build.
import { runApiExtractor } from "./apiExtractor.mjs";
import { readPackageEntries } from "./packageEntries.mjs";

const mode = process.argv[2];
if (mode !== "check" && mode !== "update") {
  console.error("usage: apiReport.mjs check|update");
  process.exit(2);
}
const packageDir = process.cwd();
const { pkg, entries } = readPackageEntries(packageDir);
for (const entry of entries) runApiExtractor({ packageDir, entry, mode, pkgName: pkg.name });
console.log(`api ${mode}: ${pkg.name} ok`);
