// A release is made in a temporary copy of the workspace (the "stage"), never in the working tree:
// `changeset version` rewrites package.json files and changelogs and deletes changesets, and a dry
// run must leave the tree as it found it (other tests run beside it, too). The stage holds what
// changesets and pnpm read: the workspace manifests, .changeset/, each public package's built dist/
// and docs. Dependencies resolve through links: the stage's node_modules is the repository's, and
// each public package gets links to the stage's own copies of the @azkit packages it depends on, so
// `pnpm pack` writes the staged (bumped) versions into published manifests.
import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, relative } from "node:path";
import { publicPackages, repoRoot } from "../build/publicPackages.mjs";

const ROOT_FILES = [
  "package.json",
  "pnpm-workspace.yaml",
  "pnpm-lock.yaml",
  ".pnpmfile.cjs",
  ".npmrc",
  "LICENSE",
];
const PACKAGE_DOCS = ["README.md", "CHANGELOG.md"];
const changesetBin = join(repoRoot, "node_modules/.bin/changeset");

/** Every workspace folder's package.json (changesets reads them all to know the workspace). */
function workspaceManifests(root) {
  const folders = [];
  for (const parent of ["packages", "tools"]) {
    for (const name of readdirSync(join(root, parent))) folders.push(join(parent, name));
  }
  folders.push("samples");
  return folders.filter((folder) => existsSync(join(root, folder, "package.json")));
}

function gitEnvFor(stage) {
  // Changelog lines name the commit that added each changeset; git reads the repository's history
  // while its working tree is the stage. Nothing is written to git (config.commit is false).
  try {
    const gitDir = execFileSync("git", ["rev-parse", "--absolute-git-dir"], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    return { GIT_DIR: gitDir.trim(), GIT_WORK_TREE: stage };
  } catch {
    return {};
  }
}

/** Runs the repository's changesets CLI in the stage; `interactive` hands it the terminal (npm's OTP prompt). */
export function changeset(stage, args, { env = {}, interactive = false } = {}) {
  return execFileSync(changesetBin, args, {
    cwd: stage,
    // changesets spawns `pnpm publish`: the pinned pnpm of the repository's devDependencies.
    env: {
      ...process.env,
      PATH: `${join(repoRoot, "node_modules/.bin")}${delimiter}${process.env.PATH}`,
      COREPACK_ENABLE_DOWNLOAD_PROMPT: "0",
      ...gitEnvFor(stage),
      ...env,
    },
    encoding: "utf8",
    stdio: interactive ? "inherit" : ["ignore", "pipe", "pipe"],
  });
}

function linkWorkspaceDependencies(stage, packages) {
  const byName = new Map(packages.map((p) => [p.name, join(stage, "packages", p.folder)]));
  for (const p of packages) {
    const dir = join(stage, "packages", p.folder);
    for (const dep of Object.keys({
      ...p.pkg.dependencies,
      ...p.pkg.peerDependencies,
      ...p.pkg.optionalDependencies,
    })) {
      const target = byName.get(dep);
      if (!target) continue;
      const link = join(dir, "node_modules", dep);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(relative(dirname(link), target), link, "dir");
    }
  }
}

/**
 * Copies the workspace into a new temporary folder. Public packages must be built (dist/ present).
 * @returns {{ stage: string, packages: ReturnType<typeof publicPackages>, dispose(): void }}
 */
export function createStage() {
  const packages = publicPackages();
  for (const p of packages) {
    if (!existsSync(join(p.dir, "dist/esm"))) {
      throw new Error(
        `${p.name} is not built (no ${relative(repoRoot, p.dir)}/dist/esm): run 'pnpm build' first.`,
      );
    }
  }
  const stage = mkdtempSync(join(tmpdir(), "azkit-release-"));
  for (const file of ROOT_FILES) {
    if (existsSync(join(repoRoot, file))) cpSync(join(repoRoot, file), join(stage, file));
  }
  cpSync(join(repoRoot, ".changeset"), join(stage, ".changeset"), { recursive: true });
  for (const folder of workspaceManifests(repoRoot)) {
    mkdirSync(join(stage, folder), { recursive: true });
    cpSync(join(repoRoot, folder, "package.json"), join(stage, folder, "package.json"));
  }
  for (const p of packages) {
    const dir = join(stage, "packages", p.folder);
    for (const file of PACKAGE_DOCS) {
      if (existsSync(join(p.dir, file))) cpSync(join(p.dir, file), join(dir, file));
    }
    // One license text for the repository, put into each package as it is packed (npm ships a
    // package's own LICENSE file), so no package folder keeps a copy that could drift.
    cpSync(join(repoRoot, "LICENSE"), join(dir, "LICENSE"));
    cpSync(join(p.dir, "dist"), join(dir, "dist"), {
      recursive: true,
      filter: (source) => !/[\\/]dist[\\/](temp|types|api)$/.test(source),
    });
  }
  symlinkSync(join(repoRoot, "node_modules"), join(stage, "node_modules"), "dir");
  linkWorkspaceDependencies(stage, packages);
  return { stage, packages, dispose: () => rmSync(stage, { recursive: true, force: true }) };
}

/** The public packages as they stand in the stage (versions after `changeset version`). */
export function stagedPackages(stage) {
  return publicPackages(stage);
}

/**
 * What `changeset version` makes of the pending changesets, applied to the stage: new versions,
 * dependents' ranges, CHANGELOG.md entries (and in pre mode, prerelease versions and pre.json).
 */
export function versionStage(stage) {
  return changeset(stage, ["version"]);
}

/** Writes a changeset file into the stage (tests and previews use it; users run `pnpm changeset`). */
export function addStagedChangeset(stage, id, releases, summary) {
  const frontmatter = Object.entries(releases)
    .map(([name, bump]) => `"${name}": ${bump}`)
    .join("\n");
  writeFileSync(join(stage, ".changeset", `${id}.md`), `---\n${frontmatter}\n---\n\n${summary}\n`);
}

/**
 * Changesets that `changeset version` has not applied yet: outside pre mode every changeset file,
 * in pre mode those not listed in pre.json. A real release refuses to run while there are any.
 */
export function pendingChangesets(root) {
  const dir = join(root, ".changeset");
  const ids = readdirSync(dir)
    .filter((f) => f.endsWith(".md") && f !== "README.md")
    .map((f) => f.slice(0, -3));
  const prePath = join(dir, "pre.json");
  if (!existsSync(prePath)) return ids;
  const applied = new Set(JSON.parse(readFileSync(prePath, "utf8")).changesets ?? []);
  return ids.filter((id) => !applied.has(id));
}
