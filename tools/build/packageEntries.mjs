// The entry points of a package, read from its `exports` map, so that the build, the API report
// and the pack test agree on one list (DESIGN.md §1: "." and "./sync").
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** @returns {{ pkg: any, entries: { subpath: string, name: string, source: string }[] }} */
export function readPackageEntries(packageDir) {
  const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
  const entries = [];
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    if (target === null || typeof target !== "object" || !target.import) continue;
    const name = subpath === "." ? "index" : subpath.slice(2);
    entries.push({ subpath, name, source: `src/${name}.ts` });
  }
  if (entries.length === 0) throw new Error(`${pkg.name}: package.json has no "exports" entries to build`);
  return { pkg, entries };
}
