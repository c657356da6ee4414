import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

describe("the sync bridge's types", () => {
  it("satisfy the expectTypeOf assertions of syncBridgeTypes.test.ts, and the other sync bridge tests compile", () => {
    // vitest strips types without checking them: this is where the tests' types are checked.
    const files = ["../public/", "../internal/"].flatMap((dir) => {
      const url = new URL(dir, import.meta.url);
      return readdirSync(url)
        .filter((name) => name.startsWith("syncBridge") && name.endsWith(".ts"))
        .map((name) => fileURLToPath(new URL(name, url)));
    });
    const config = ts.getParsedCommandLineOfConfigFile(
      fileURLToPath(new URL("../../tsconfig.json", import.meta.url)),
      { noEmit: true, rootDir: undefined },
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
    )!;
    // Ambient declarations of the package (.d.ts) are roots too, as they are for the build.
    const ambient = config.fileNames.filter((name) => name.endsWith(".d.ts"));
    const program = ts.createProgram([...files, ...ambient], {
      ...config.options,
      noEmit: true,
      rootDir: undefined,
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter(
        (d) =>
          d.file === undefined || /\/(src\/sync|test\/(public|internal)\/syncBridge)/.test(d.file.fileName),
      )
      .map((d) => {
        const line =
          d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
        return `${d.file?.fileName ?? ""}:${line}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
      });
    expect(problems).toEqual([]);
  }, 60_000);
});
