// Packs every public package of a stage with `pnpm pack`, the packer `pnpm publish` (and so
// `changeset publish`) uses: workspace: ranges become the staged versions and .pnpmfile.cjs drops
// devDependencies and scripts from the published manifest.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stagedPackages } from "./stageRelease.mjs";

/**
 * pnpm resolves every workspace: range before the pack hook runs, devDependencies included, and the
 * private tools they name (azurite-runner, arm-emulator) are not in the stage. They are dropped from
 * the published manifest anyway, so the stage drops them first.
 */
export function dropDevDependencies(stage) {
  for (const p of stagedPackages(stage)) {
    const path = join(p.dir, "package.json");
    const pkg = JSON.parse(readFileSync(path, "utf8"));
    if (!pkg.devDependencies) continue;
    delete pkg.devDependencies;
    writeFileSync(path, `${JSON.stringify(pkg, null, 2)}\n`);
  }
}

/** @returns {{ name: string, version: string, tarball: string }[]} */
export function packStage(stage, destination) {
  mkdirSync(destination, { recursive: true });
  dropDevDependencies(stage);
  return stagedPackages(stage).map((p) => {
    const out = execFileSync("corepack", ["pnpm", "pack", "--pack-destination", destination], {
      cwd: p.dir,
      env: { ...process.env, COREPACK_ENABLE_DOWNLOAD_PROMPT: "0" },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    const lines = out.trim().split("\n");
    return { name: p.name, version: p.version, tarball: lines[lines.length - 1].trim() };
  });
}
