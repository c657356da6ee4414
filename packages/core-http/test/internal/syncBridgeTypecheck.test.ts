import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

describe("the sync bridge's types", () => {
  it("satisfy the expectTypeOf assertions of test/public/syncBridgeTypes.test.ts", () => {
    const file = fileURLToPath(new URL("../public/syncBridgeTypes.test.ts", import.meta.url));
    const config = ts.getParsedCommandLineOfConfigFile(
      fileURLToPath(new URL("../../tsconfig.json", import.meta.url)),
      { noEmit: true, rootDir: undefined },
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
    )!;
    // Ambient declarations of the package (.d.ts) are roots too, as they are for the build.
    const ambient = config.fileNames.filter((name) => name.endsWith(".d.ts"));
    const program = ts.createProgram([file, ...ambient], {
      ...config.options,
      noEmit: true,
      rootDir: undefined,
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file === undefined || /\/(src\/sync|test\/public\/syncBridge)/.test(d.file.fileName))
      .map((d) => {
        const line =
          d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
        return `${d.file?.fileName ?? ""}:${line}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
      });
    expect(problems).toEqual([]);
  }, 60_000);
});
