#!/usr/bin/env node
// What `npm install <package>` puts on a user's disk, azkit against its @azure/* peer: every public
// package is released to a throwaway registry (as the install test does), then each package and
// its peer are installed with npm into empty folders, and node_modules is measured (bytes of files
// and file count, dependencies included). Peers come from the npm registry at their latest
// versions. Prints a markdown table. Run: node tools/release/measureInstallSizes.mjs (after pnpm build).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startRegistry } from "registry";
import { releaseToRegistry } from "./releaseToRegistry.mjs";

/** The official package each azkit package stands in for. */
export const peers = {
  "@azkit/core-logging": "@azure/logger",
  "@azkit/core-http": "@azure/core-rest-pipeline",
  "@azkit/core-lro": "@azure/core-lro",
  "@azkit/identity": "@azure/identity",
  "@azkit/storage-blob": "@azure/storage-blob",
  "@azkit/mgmt-resources": "@azure/arm-resources",
  "@azkit/mgmt-keyvault": "@azure/arm-keyvault",
  "@azkit/mgmt-web": "@azure/arm-appservice",
};

function measure(dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = measure(path);
      bytes += inner.bytes;
      files += inner.files;
    } else if (entry.isFile()) {
      bytes += statSync(path).size;
      files += 1;
    }
  }
  return { bytes, files };
}

function installAndMeasure(work, label, spec, userconfig) {
  const project = join(work, label);
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: label, private: true }));
  execFileSync("npm", ["install", spec, "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: project,
    env: { ...process.env, npm_config_userconfig: userconfig },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const { version } = JSON.parse(readFileSync(join(project, "node_modules", spec, "package.json"), "utf8"));
  return { version, ...measure(join(project, "node_modules")) };
}

const work = mkdtempSync(join(tmpdir(), "azkit-sizes-"));
const registry = await startRegistry();
try {
  const { releaseVersions } = releaseToRegistry({ registry, work });
  const userconfig = join(work, "user.npmrc");
  const usual = execFileSync("npm", ["config", "get", "registry"], { encoding: "utf8" }).trim();
  writeFileSync(userconfig, `registry=${usual}\n@azkit:registry=${registry.url}\n`);
  const mb = (bytes) => (bytes / 1e6).toFixed(2);
  console.log("| package | installed (MB, files) | peer | peer installed (MB, files) | azkit / peer |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const name of releaseVersions.keys()) {
    const ours = installAndMeasure(work, name.replace("@azkit/", "azkit-"), name, userconfig);
    const peer = peers[name];
    const theirs = peer
      ? installAndMeasure(work, peer.replace("@azure/", "azure-"), peer, userconfig)
      : undefined;
    console.log(
      `| ${name}@${ours.version} | ${mb(ours.bytes)} MB, ${ours.files} | ${peer ? `${peer}@${theirs.version}` : "-"} | ` +
        `${theirs ? `${mb(theirs.bytes)} MB, ${theirs.files}` : "-"} | ${theirs ? `${(ours.bytes / theirs.bytes).toFixed(2)}x` : "-"} |`,
    );
  }
} finally {
  await registry.stop();
  rmSync(work, { recursive: true, force: true });
}
