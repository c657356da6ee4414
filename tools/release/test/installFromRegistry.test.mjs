// What a user does with a release, done with npm against a real registry: every public package is
// released through the release path (stage, changeset version, pnpm pack, changeset publish) to a
// throwaway Verdaccio, once at its release version and once as a preview under the `next` tag;
// then, in empty projects outside the workspace, npm installs, imports (ESM and CJS), calls,
// pins, previews and uninstalls. One registry start serves every test in this file.
import { execFile, execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { startArmEmulator } from "arm-emulator";
import { startAzurite } from "azurite-runner";
import { startRegistry } from "registry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicPackages } from "../../build/publicPackages.mjs";
import { checkPackageMetadata } from "../checkPackageMetadata.mjs";
import { releaseToRegistry } from "../releaseToRegistry.mjs";
import { smokeCalls, smokeScripts } from "./smokeCalls.mjs";

const packages = publicPackages();
const repoRoot = join(import.meta.dirname, "../../..");

/** What `changeset version` would change: manifests, changelogs, the changesets themselves. */
function versioningSnapshot() {
  const files = [
    ...packages.flatMap((p) => [join(p.dir, "package.json"), join(p.dir, "CHANGELOG.md")]),
    ...readdirSync(join(repoRoot, ".changeset")).map((f) => join(repoRoot, ".changeset", f)),
  ];
  return Object.fromEntries(files.map((f) => [f, existsSync(f) ? readFileSync(f, "utf8") : null]));
}
const snapshotBeforeRelease = versioningSnapshot();
const names = packages.map((p) => p.name);
let registry;
let azurite;
let arm;
let work;
/** @type {Map<string, string>} */
const releaseVersions = new Map();
/** @type {Map<string, string>} */
const previewVersions = new Map();
/** @type {{ name: string, tarball: string }[]} */
let releaseTarballs = [];
const timings = {};

/** npm as a user runs it: the @azkit scope from the test registry, everything else as configured. */
function npm(project, args) {
  return execFileSync("npm", [...args, "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], {
    cwd: project,
    env: { ...process.env, npm_config_userconfig: join(work, "user.npmrc") },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function emptyProject(label) {
  const project = join(work, label);
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: `azkit-${label}`, private: true }));
  return project;
}

function installedAzkit(project) {
  const scope = join(project, "node_modules/@azkit");
  if (!existsSync(scope)) return {};
  return Object.fromEntries(
    readdirSync(scope).map((folder) => [
      `@azkit/${folder}`,
      JSON.parse(readFileSync(join(scope, folder, "package.json"), "utf8")).version,
    ]),
  );
}

function bytesUnder(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += bytesUnder(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

function smokeEnv(loader) {
  return {
    ...process.env,
    LOADER: loader,
    REGISTRY_URL: registry.url,
    AZURITE_CONNECTION_STRING: azurite.info.connectionString,
    ARM_URL: arm.url,
    ARM_AUTHORITY_HOST: arm.authorityHost,
    ARM_TENANT_ID: arm.tenantId,
    ARM_CLIENT_ID: arm.clientId,
    ARM_CLIENT_SECRET: arm.clientSecret,
    ARM_SUBSCRIPTION_ID: arm.subscriptionId,
    NODE_EXTRA_CA_CERTS: join(work, "arm-ca.pem"),
  };
}

/**
 * Runs the package's call from an ESM and a CJS script in the project; returns both results.
 * Asynchronously: the ARM emulator serves from this process, so a blocking spawn would starve it.
 */
async function runSmoke(project, name) {
  const scripts = smokeScripts(name);
  const folder = name.replace(/^@azkit\//, "");
  const results = {};
  for (const [loader, source] of Object.entries(scripts)) {
    const file = join(project, `${folder}.smoke.${loader}`);
    writeFileSync(file, source);
    const { stdout } = await promisify(execFile)(process.execPath, [file], {
      cwd: project,
      env: smokeEnv(`${basename(project)}-${folder}-${loader}`),
      encoding: "utf8",
      timeout: 30_000,
    });
    results[loader] = JSON.parse(stdout.trim().split("\n").pop());
  }
  return results;
}

beforeAll(async () => {
  // turbo builds this package's devDependencies before its tests: every public package must be one.
  const own = JSON.parse(readFileSync(join(import.meta.dirname, "../package.json"), "utf8"));
  const missing = names.filter((name) => !own.devDependencies?.[name]);
  if (missing.length > 0) {
    throw new Error(
      `add ${missing.map((n) => `"${n}": "workspace:*"`).join(", ")} to tools/release devDependencies`,
    );
  }
  const started = performance.now();
  work = mkdtempSync(join(tmpdir(), "azkit-install-"));
  [registry, azurite, arm] = await Promise.all([
    startRegistry(),
    startAzurite(),
    startArmEmulator({ https: true }),
  ]);
  writeFileSync(join(work, "arm-ca.pem"), arm.ca);
  // The test's own npmrc replaces the user's: keep the registry npm is configured for, for everything but @azkit.
  const usual = execFileSync("npm", ["config", "get", "registry"], { encoding: "utf8" }).trim();
  writeFileSync(join(work, "user.npmrc"), `registry=${usual}\n@azkit:registry=${registry.url}\n`);
  timings["start registry, azurite, arm emulator"] = Math.round(performance.now() - started);

  const released = releaseToRegistry({ registry, work, preview: true });
  for (const [name, version] of released.releaseVersions) releaseVersions.set(name, version);
  for (const [name, version] of released.previewVersions) previewVersions.set(name, version);
  releaseTarballs = released.releaseTarballs;
  Object.assign(timings, released.timings);
  timings["release and preview, published"] = Math.round(performance.now() - started);
}, 300_000);

afterAll(async () => {
  console.log(`install test timings (ms): ${JSON.stringify(timings)}`);
  await Promise.all([registry?.stop(), azurite?.stop(), arm?.close()]);
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("releasing every public package", () => {
  it("packs every package under packages/ from a clean checkout with pnpm pack, as it stands", async () => {
    const destination = join(work, "plain-pack");
    const outputs = await Promise.all(
      packages.map((p) =>
        promisify(execFile)("corepack", ["pnpm", "pack", "--pack-destination", destination], {
          cwd: p.dir,
          env: { ...process.env, COREPACK_ENABLE_DOWNLOAD_PROMPT: "0" },
          encoding: "utf8",
        }),
      ),
    );
    expect(outputs.map(({ stdout }) => stdout.trim().split("\n").pop())).toEqual(
      packages.map((p) => join(destination, `${p.name.slice(1).replace("/", "-")}-${p.version}.tgz`)),
    );
  });

  it("versions, packs and publishes in a temporary stage, leaving the working tree as it was", () => {
    expect(versioningSnapshot()).toEqual(snapshotBeforeRelease);
    // The stage did move every package to a preview version; none of that reached the tree.
    for (const p of packages) expect(previewVersions.get(p.name), p.name).not.toBe(p.version);
  });

  it("has a smoke call for every public package", () => {
    expect(names.filter((name) => !smokeCalls[name])).toEqual([]);
  });

  it("publishes a release version under latest and a preview under next", () => {
    for (const name of names) {
      const tags = JSON.parse(npm(work, ["view", name, "dist-tags", "--json"]));
      expect(tags, name).toEqual({ latest: releaseVersions.get(name), next: previewVersions.get(name) });
      expect(previewVersions.get(name)).toMatch(/-next\.0$/);
    }
  });

  it("ships tarballs that pass publint, Are the Types Wrong? and the manifest rules", async () => {
    const problems = await Promise.all(releaseTarballs.map(({ tarball }) => checkPackageMetadata(tarball)));
    expect(Object.fromEntries(releaseTarballs.map(({ name }, i) => [name, problems[i]]))).toEqual(
      Object.fromEntries(releaseTarballs.map(({ name }) => [name, []])),
    );
  }, 120_000);
});

describe("npm install @azkit/storage-blob", () => {
  let project;
  beforeAll(() => {
    project = emptyProject("storage-blob-only");
    npm(project, ["install", "@azkit/storage-blob"]);
  }, 120_000);

  it("brings only storage-blob and the core packages it builds on, at their release versions", () => {
    const installed = installedAzkit(project);
    expect(Object.keys(installed).sort()).toEqual(
      ["@azkit/core-http", "@azkit/core-logging", "@azkit/core-lro", "@azkit/storage-blob"].filter((n) =>
        names.includes(n),
      ),
    );
    expect(Object.keys(installed).filter((n) => /^@azkit\/(mgmt-|identity)/.test(n))).toEqual([]);
    for (const [name, version] of Object.entries(installed))
      expect(version, name).toBe(releaseVersions.get(name));
    const bytes = bytesUnder(join(project, "node_modules"));
    console.log(`npm install @azkit/storage-blob: node_modules is ${(bytes / 1e6).toFixed(2)} MB`);
    expect(bytes).toBeGreaterThan(0);
  });

  it("is imported by an ESM and a CJS script that create a container on Azurite", async () => {
    expect(await runSmoke(project, "@azkit/storage-blob")).toEqual({ mjs: "string", cjs: "string" });
  }, 60_000);

  it("leaves no azkit package behind after npm uninstall", () => {
    npm(project, ["uninstall", "@azkit/storage-blob"]);
    expect(installedAzkit(project)).toEqual({});
    expect(JSON.parse(readFileSync(join(project, "package.json"), "utf8")).dependencies ?? {}).toEqual({});
  }, 60_000);
});

describe("each public package installed from the registry", () => {
  let project;
  const present = names.filter((name) => smokeCalls[name]);
  beforeAll(() => {
    project = emptyProject("every-package");
    npm(project, ["install", ...present]);
  }, 180_000);

  it.each(present)(
    "%s works from ESM and CJS: one call each",
    async (name) => {
      const { expected } = smokeCalls[name];
      expect(await runSmoke(project, name)).toEqual({ mjs: expected, cjs: expected });
    },
    60_000,
  );

  it("gets the previews with @next", () => {
    npm(project, ["install", ...present.map((name) => `${name}@next`)]);
    const installed = installedAzkit(project);
    for (const name of present) expect(installed[name], name).toBe(previewVersions.get(name));
  }, 120_000);

  it("gets exactly the version asked for, from a preview back to a release", () => {
    const exact = releaseVersions.get("@azkit/core-http");
    npm(project, ["install", `@azkit/core-http@${exact}`, "--save-exact"]);
    expect(installedAzkit(project)["@azkit/core-http"]).toBe(exact);
    expect(
      JSON.parse(readFileSync(join(project, "package.json"), "utf8")).dependencies["@azkit/core-http"],
    ).toBe(exact);
  }, 120_000);

  it("leaves no azkit package behind after npm uninstall", () => {
    npm(project, ["uninstall", ...present]);
    expect(installedAzkit(project)).toEqual({});
  }, 120_000);
});
