#!/usr/bin/env node
// Every published package's README opens the same way, because that is where a user lands from the
// registry: "## Install" as its first section, with the latest, an exact version and the preview
// (`@next`), a minimal example, and links to the API report, the API reference pages and the
// changelog. Run by `pnpm test`; prints what each README lacks.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { publicPackages, repoRoot } from "./publicPackages.mjs";

export function readmeProblems({ name, folder, dir }) {
  const path = join(dir, "README.md");
  if (!existsSync(path)) return ["no README.md"];
  const text = readFileSync(path, "utf8");
  const firstSection = /^## (.+)$/m.exec(text);
  if (firstSection?.[1] !== "Install")
    return [`the first section must be "## Install", not "${firstSection?.[1]}"`];
  const install = text.slice(firstSection.index).split(/^## /m)[1];
  const escaped = name.replace("/", "\\/");
  const wanted = [
    [new RegExp(`npm install ${escaped}\\s`), `npm install ${name} (the latest release)`],
    [new RegExp(`npm install ${escaped}@\\d+\\.\\d+\\.\\d+`), `npm install ${name}@<exact version>`],
    [new RegExp(`npm install ${escaped}@next`), `npm install ${name}@next (the preview)`],
    [/```ts\n/, "a minimal example in a ```ts fence"],
    [new RegExp(`\\(review/${folder}\\.api\\.md\\)`), `a link to review/${folder}.api.md`],
    [/\(CHANGELOG\.md\)/, "a link to CHANGELOG.md"],
    [new RegExp(`\\(\\.\\./\\.\\./docs/api/${folder}\\.md\\)`), `a link to ../../docs/api/${folder}.md`],
  ];
  return wanted
    .filter(([pattern]) => !pattern.test(install))
    .map(([, what]) => `its Install section lacks ${what}`);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const problems = publicPackages(repoRoot).flatMap((p) =>
    readmeProblems(p).map((problem) => `packages/${p.folder}/README.md: ${problem}`),
  );
  if (problems.length > 0) {
    console.error(`Package READMEs must open with install, example and links:\n  ${problems.join("\n  ")}`);
    process.exit(1);
  }
  console.log("package READMEs open with install (latest, exact, next), an example and their links");
}
