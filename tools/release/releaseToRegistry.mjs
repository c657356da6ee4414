// Releases every public package to a test registry through the steps `pnpm release` takes (a stage,
// `changeset version`, `pnpm pack`, `changeset publish`): once at the release versions, then, with
// `preview`, once more in changesets' pre mode so a patch of every package lands under `next`.
// Used by the install test and the install-size measurement; never by a real release.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { packStage } from "./packStage.mjs";
import { addStagedChangeset, changeset, createStage, stagedPackages, versionStage } from "./stageRelease.mjs";

/**
 * @param {{ registry: { url: string, authLine: string }, work: string, preview?: boolean }} options
 *   `work` is a folder the caller owns and deletes; the stage is deleted here.
 */
export function releaseToRegistry({ registry, work, preview = false }) {
  const timings = {};
  const userconfig = join(work, "publisher.npmrc");
  writeFileSync(userconfig, `${registry.authLine}\n`);
  const { stage, dispose } = createStage();
  const versions = (s) => new Map(stagedPackages(s).map((p) => [p.name, p.version]));
  const publish = (label) => {
    const started = performance.now();
    changeset(stage, ["publish", "--no-git-tag"], {
      env: { npm_config_registry: registry.url, npm_config_userconfig: userconfig },
    });
    timings[`publish ${label}`] = Math.round(performance.now() - started);
  };
  try {
    versionStage(stage);
    const releaseVersions = versions(stage);
    const releaseTarballs = packStage(stage, join(work, "release-tarballs"));
    publish("release");
    let previewVersions = new Map();
    if (preview) {
      changeset(stage, ["pre", "enter", "next"]);
      addStagedChangeset(
        stage,
        "install-test-preview",
        Object.fromEntries([...releaseVersions.keys()].map((name) => [name, "patch"])),
        "Previously there was no preview. Now there is one.",
      );
      versionStage(stage);
      previewVersions = versions(stage);
      packStage(stage, join(work, "preview-tarballs"));
      publish("preview");
    }
    return { releaseVersions, previewVersions, releaseTarballs, timings };
  } finally {
    dispose();
  }
}
