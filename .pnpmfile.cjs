// pnpm hooks for the workspace.
// beforePacking: what `pnpm pack` / `pnpm publish` (and so `changeset publish`) put in a published
// package.json. devDependencies name private workspace tools (azurite-runner, arm-emulator) that no
// user can or needs to install, and scripts call the repository's tools/build through a relative path, which
// does not exist beside an installed package; neither belongs in what users download.
module.exports = {
  hooks: {
    beforePacking(pkg) {
      delete pkg.devDependencies;
      delete pkg.scripts;
      return pkg;
    },
  },
};
