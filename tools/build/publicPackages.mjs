// The published packages: every folder under packages/ whose package.json is not private. One list
// for the release, the API docs, the metadata lint and the install tests, so a package added under
// packages/ is released, documented and install-tested without editing any of them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const repoRoot = resolve(import.meta.dirname, "../..");

/** @returns {{ name: string, version: string, dir: string, folder: string, pkg: any }[]} sorted by folder */
export function publicPackages(root = repoRoot) {
  const packagesDir = join(root, "packages");
  return readdirSync(packagesDir)
    .filter((folder) => existsSync(join(packagesDir, folder, "package.json")))
    .sort()
    .map((folder) => {
      const dir = join(packagesDir, folder);
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      return { name: pkg.name, version: pkg.version, dir, folder, pkg };
    })
    .filter((p) => !p.pkg.private);
}
