#!/usr/bin/env node
// `pnpm release`: build, API report and API docs checks, pack every public package into
// dist-packages/, lint the tarballs, then `changeset publish` to the registry npm is configured for
// (npm_config_registry or .npmrc). Versions must already be applied and committed
// (`pnpm changeset version`); see docs/RELEASING.md.
// `pnpm release --dry-run`: the same without publishing, with the pending changesets applied as
// `changeset version` would apply them, in a temporary copy: the tarballs in dist-packages/ carry
// the next versions and changelogs, and the working tree is left as it was.
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { publicPackages, repoRoot } from "../build/publicPackages.mjs";
import { checkPackageMetadata } from "./checkPackageMetadata.mjs";
import { packStage } from "./packStage.mjs";
import { changeset, createStage, pendingChangesets, versionStage } from "./stageRelease.mjs";

const args = new Set(process.argv.slice(2));
const dryRun = args.has("--dry-run");
const unknown = [...args].filter((a) => a !== "--dry-run");
if (unknown.length > 0) {
  console.error(`usage: release.mjs [--dry-run] (unknown: ${unknown.join(" ")})`);
  process.exit(2);
}
const distPackages = join(repoRoot, "dist-packages");
const env = { ...process.env, COREPACK_ENABLE_DOWNLOAD_PROMPT: "0", TURBO_TELEMETRY_DISABLED: "1" };

function step(title, command, commandArgs) {
  console.log(`\n== ${title}: ${command} ${commandArgs.join(" ")}`);
  execFileSync(command, commandArgs, { cwd: repoRoot, env, stdio: "inherit" });
}

/** The new CHANGELOG.md section of a staged package (what `changeset version` wrote on top). */
function newestChangelogSection(dir) {
  try {
    const text = readFileSync(join(dir, "CHANGELOG.md"), "utf8");
    const [, section = ""] = text.split(/^## /m);
    return `## ${section.trim()}`;
  } catch {
    return "(no CHANGELOG.md)";
  }
}

const pending = pendingChangesets(repoRoot);
if (!dryRun && pending.length > 0) {
  console.error(
    `${pending.length} changeset(s) are not applied yet (${pending.join(", ")}).\n` +
      "Run 'pnpm changeset version', review and commit the new versions and changelogs, then 'pnpm release'.\n" +
      "To see what they would release without touching anything: 'pnpm release --dry-run'.",
  );
  process.exit(1);
}

step("build", "corepack", ["pnpm", "build"]);
step("API reports", "corepack", ["pnpm", "api:check"]);
step("API docs", process.execPath, ["tools/build/apiDocs.mjs", "check"]);

const before = new Map(publicPackages().map((p) => [p.name, p.version]));
const { stage, dispose } = createStage();
try {
  if (dryRun && pending.length > 0) {
    console.log(`\n== changeset version (in a temporary copy): ${pending.length} changeset(s)`);
    versionStage(stage);
  }
  rmSync(distPackages, { recursive: true, force: true });
  console.log(`\n== pack into ${relative(repoRoot, distPackages)}/`);
  const packed = packStage(stage, distPackages);
  let failures = 0;
  const problemsOf = await Promise.all(packed.map((p) => checkPackageMetadata(p.tarball)));
  for (const [index, p] of packed.entries()) {
    const problems = problemsOf[index];
    const from = before.get(p.name);
    const bump = from === p.version ? p.version : `${from} -> ${p.version}`;
    const kb = (statSync(p.tarball).size / 1024).toFixed(1);
    console.log(
      `${problems.length === 0 ? "ok  " : "FAIL"} ${p.name} ${bump}  ${basename(p.tarball)} (${kb} kB)`,
    );
    for (const problem of problems) console.log(`       ${problem.replaceAll("\n", "\n       ")}`);
    failures += problems.length;
    if (dryRun && from !== p.version) {
      const dir = join(stage, "packages", p.name.replace(/^@azkit\//, ""));
      console.log(`       ${newestChangelogSection(dir).split("\n").slice(0, 8).join("\n       ")}`);
    }
  }
  if (failures > 0) {
    console.error(
      `\n${failures} package metadata problem(s): fix the package.json files (or tools/build) and retry.`,
    );
    process.exit(1);
  }
  if (dryRun) {
    console.log(`\nDry run: ${packed.length} tarballs in dist-packages/; nothing was published or changed.`);
  } else {
    const registry = execFileSync("npm", ["config", "get", "registry"], {
      cwd: repoRoot,
      env,
      encoding: "utf8",
    }).trim();
    console.log(`\n== changeset publish to ${registry}`);
    changeset(stage, ["publish"], { env: { npm_config_registry: registry }, interactive: true });
    console.log("Published. Push the new tags: git push --follow-tags");
  }
} finally {
  dispose();
}
