// Packs a workspace package (and the @azkit packages it depends on) with `pnpm pack`, installs the
// tarballs into a temporary project outside the workspace with npm, and loads every entry with
// both `require` and `import`: proof that what we publish works for a user, not only in the repo.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { readPackageEntries } from "./packageEntries.mjs";
import { publicPackages } from "./publicPackages.mjs";

function workspacePackageDirs() {
  return new Map(publicPackages().map((p) => [p.name, p.dir]));
}

function withWorkspaceDependencies(packageDir, byName, seen = new Set()) {
  if (seen.has(packageDir)) return seen;
  seen.add(packageDir);
  const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
  for (const dep of Object.keys(pkg.dependencies ?? {})) {
    const depDir = byName.get(dep);
    if (depDir) withWorkspaceDependencies(depDir, byName, seen);
  }
  return seen;
}

function run(command, args, cwd) {
  const env = { ...process.env, COREPACK_ENABLE_DOWNLOAD_PROMPT: "0", npm_config_loglevel: "error" };
  return execFileSync(command, args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/**
 * @returns {{ required: Record<string, string[]>, imported: Record<string, string[]>, tarballs: string[] }}
 *   the export names each entry exposed through require and import.
 */
export function packInstallAndLoad(packageDir) {
  const { pkg, entries } = readPackageEntries(packageDir);
  const work = mkdtempSync(join(tmpdir(), "azkit-pack-"));
  try {
    const tarballs = [];
    for (const dir of withWorkspaceDependencies(resolve(packageDir), workspacePackageDirs())) {
      const out = run("corepack", ["pnpm", "pack", "--pack-destination", work], dir).trim().split("\n");
      tarballs.push(out[out.length - 1].trim());
    }
    const project = join(work, "project");
    run("mkdir", ["-p", project], work);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "pack-smoke", private: true }));
    run("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", ...tarballs], project);
    const specifiers = entries.map((e) =>
      e.subpath === "." ? pkg.name : `${pkg.name}/${e.subpath.slice(2)}`,
    );
    const listKeys = (loader) =>
      JSON.parse(
        run(
          "node",
          [
            ...(loader === "import" ? ["--input-type=module"] : []),
            "-e",
            loader === "import"
              ? `const out = {}; for (const s of ${JSON.stringify(specifiers)}) out[s] = Object.keys(await import(s)).sort(); console.log(JSON.stringify(out));`
              : `const out = {}; for (const s of ${JSON.stringify(specifiers)}) out[s] = Object.keys(require(s)).sort(); console.log(JSON.stringify(out));`,
          ],
          project,
        ),
      );
    return { required: listKeys("require"), imported: listKeys("import"), tarballs };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
