// api-extractor, driven from code with one shared configuration: "bundle" rolls up the .d.ts of an
// entry and writes the main entry's doc model (dist/api/<name>.api.json, read by apiDocs.mjs for
// docs/api/); "check"
// fails when the public API differs from review/; "update" rewrites review/.
import { mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Extractor, ExtractorConfig } from "@microsoft/api-extractor";

function reportBaseName(pkgName, entryName) {
  const short = pkgName.replace(/^@azkit\//, "");
  return entryName === "index" ? short : `${short}-${entryName}`;
}

export function runApiExtractor({ packageDir, entry, mode, pkgName }) {
  const packageJsonFullPath = resolve(packageDir, "package.json");
  const name = pkgName ?? JSON.parse(readFileSync(packageJsonFullPath, "utf8")).name;
  const reportFolder = resolve(packageDir, "review");
  mkdirSync(reportFolder, { recursive: true });
  const tempFolder = resolve(packageDir, "dist/temp");
  mkdirSync(tempFolder, { recursive: true });
  const bundling = mode === "bundle";
  const configObject = {
    projectFolder: packageDir,
    mainEntryPointFilePath: resolve(packageDir, `dist/types/${entry.name}.d.ts`),
    compiler: { tsconfigFilePath: resolve(packageDir, "tsconfig.json") },
    apiReport: {
      enabled: !bundling,
      reportFileName: `${reportBaseName(name, entry.name)}.api.md`,
      reportFolder,
      reportTempFolder: tempFolder,
    },
    // Only the main entry gets reference pages: "./sync" has the same names (blocking), and its exact
    // signatures are in review/<name>-sync.api.md; pages for both would double docs/api/.
    docModel: {
      enabled: bundling && entry.name === "index",
      apiJsonFilePath: resolve(packageDir, `dist/api/${reportBaseName(name, entry.name)}.api.json`),
    },
    dtsRollup: { enabled: bundling, untrimmedFilePath: resolve(packageDir, `dist/${entry.name}.d.ts`) },
    tsdocMetadata: { enabled: false },
    messages: {
      compilerMessageReporting: { default: { logLevel: "warning" } },
      extractorMessageReporting: {
        default: { logLevel: "warning" },
        "ae-missing-release-tag": { logLevel: "none" },
        "ae-forgotten-export": { logLevel: "warning" },
      },
      tsdocMessageReporting: { default: { logLevel: "none" } },
    },
  };
  const config = ExtractorConfig.prepare({
    configObject,
    configObjectFullPath: resolve(packageDir, "api-extractor.json"),
    packageJsonFullPath,
  });
  const result = Extractor.invoke(config, {
    localBuild: mode === "update",
    showVerboseMessages: false,
    messageCallback(message) {
      if (
        bundling &&
        message.category === "Extractor" &&
        message.messageId === "console-api-report-not-copied"
      ) {
        message.handled = true;
      }
    },
  });
  if (!result.succeeded) {
    const hint = result.apiReportChanged
      ? " The public API differs from review/: run 'pnpm api:update' and commit review/."
      : " Fix the warnings above (every export needs TSDoc).";
    throw new Error(
      `api-extractor (${mode}) failed for ${name} entry "${entry.subpath}": ${result.errorCount} errors, ${result.warningCount} warnings.${hint}`,
    );
  }
  return result;
}
