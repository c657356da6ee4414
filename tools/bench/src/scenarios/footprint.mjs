// Scenario 6: install footprint. Each SDK's storage package goes into an empty temporary project with
// npm: azkit from tarballs packed from the workspace (storage-blob and the @azkit packages it depends
// on, as a user would get them), the peer from the registry. Measured: bytes and files of node_modules.
import { execFile } from "node:child_process";
import { lstat, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { isBuilt } from "../harness/loadPackage.mjs";
import { reported } from "../harness/metrics.mjs";
import { NotAvailableError } from "../harness/notAvailable.mjs";
import { storageBlob } from "../harness/sdkSides.mjs";

const exec = promisify(execFile);
const packagesRoot = fileURLToPath(new URL("../../../../packages", import.meta.url));
const commandEnv = { ...process.env, COREPACK_ENABLE_DOWNLOAD_PROMPT: "0", npm_config_loglevel: "error" };

/** The workspace package dirs `name` needs at runtime: itself and its @azkit dependencies, transitively. */
export async function workspaceClosure(name) {
  const byName = new Map();
  for (const dir of await readdir(packagesRoot)) {
    const pkg = JSON.parse(await readFile(join(packagesRoot, dir, "package.json"), "utf8").catch(() => "{}"));
    if (pkg.name) byName.set(pkg.name, { dir: join(packagesRoot, dir), pkg });
  }
  const seen = new Map();
  const visit = (n) => {
    const entry = byName.get(n);
    if (!entry || seen.has(n)) return;
    seen.set(n, entry.dir);
    for (const dep of Object.keys(entry.pkg.dependencies ?? {})) visit(dep);
  };
  visit(name);
  return seen;
}

/** Sum of file sizes and number of files under `dir` (symlinks not followed). */
async function measureTree(dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = await measureTree(path);
      bytes += sub.bytes;
      files += sub.files;
    } else if (entry.isFile()) {
      bytes += (await lstat(path)).size;
      files++;
    }
  }
  return { bytes, files };
}

/** Installs `specs` (packed workspace dirs and registry specs) into an empty project; its node_modules size. */
export async function installAndMeasure(specs) {
  const work = await mkdtemp(join(tmpdir(), "azkit-bench-footprint-"));
  try {
    const tarballs = [];
    for (const spec of specs) {
      if (!spec.packDir) continue;
      const { stdout } = await exec("corepack", ["pnpm", "pack", "--pack-destination", work], {
        cwd: spec.packDir,
        env: commandEnv,
      });
      tarballs.push(stdout.trim().split("\n").pop().trim());
    }
    const project = join(work, "project");
    await exec("mkdir", ["-p", project]);
    await writeFile(join(project, "package.json"), JSON.stringify({ name: "footprint", private: true }));
    const installs = [...tarballs, ...specs.filter((s) => s.registry).map((s) => s.registry)];
    await exec("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--omit=dev", ...installs], {
      cwd: project,
      env: commandEnv,
      maxBuffer: 16 * 1024 * 1024,
    });
    const { bytes, files } = await measureTree(join(project, "node_modules"));
    return { megabytes: bytes / 1e6, files };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export const footprintScenario = {
  id: "footprint",
  title: "install footprint (node_modules)",
  enabled: (sizes) => sizes.footprint,
  rounds: () => 1,
  warmup: () => 0,
  metrics: [
    reported("megabytes", "MB", "lower", [{ vs: "peer", op: "<=", value: 0.2 }], 2),
    reported("files", "files", "lower", [{ vs: "peer", op: "<=", value: 0.2 }], 0),
  ],
  sides: [
    {
      key: "azkit",
      role: "azkit",
      label: `${storageBlob.azkit} (packed tarballs)`,
      prepare: async () => {
        const closure = await workspaceClosure(storageBlob.azkit);
        for (const name of closure.keys()) if (!isBuilt(name)) throw new NotAvailableError("not built");
        return [...closure.values()].map((packDir) => ({ packDir }));
      },
      run: (specs) => installAndMeasure(specs),
    },
    {
      key: "peer",
      role: "peer",
      label: `${storageBlob.peer} (registry)`,
      prepare: async () => {
        const { createRequire } = await import("node:module");
        const version = createRequire(import.meta.url)(`${storageBlob.peer}/package.json`).version;
        return [{ registry: `${storageBlob.peer}@${version}` }];
      },
      run: (specs) => installAndMeasure(specs),
    },
  ],
};
