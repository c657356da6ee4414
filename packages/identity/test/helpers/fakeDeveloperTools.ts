import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

/**
 * A directory holding executable `azd` and `pwsh` scripts that stand in for the Azure Developer CLI and
 * PowerShell: each appends its arguments to `FAKE_TOOL_LOG` and prints the token in `FAKE_TOOL_TOKEN`
 * (a real one the test got from the emulator) in the tool's own output format, or fails as the tool does
 * when `FAKE_TOOL_MODE` is "logged-out".
 */
export async function createFakeDeveloperTools(): Promise<{
  pathWithTools: string;
  log: string;
  calls(): Promise<string[]>;
  remove(): Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), "azkit-tools-"));
  const log = join(dir, "calls.log");
  const azd = `#!/bin/sh
echo "azd $*" >> "$FAKE_TOOL_LOG"
if [ "$FAKE_TOOL_MODE" = "logged-out" ]; then echo 'ERROR: fetching token: not logged in, run \`azd auth login\` to login' >&2; exit 1; fi
printf '{"token":"%s","expiresOn":"2099-01-01T00:00:00Z"}\\n' "$FAKE_TOOL_TOKEN"
`;
  const pwsh = `#!/bin/sh
echo "pwsh $1 $2 $3" >> "$FAKE_TOOL_LOG"
if [ "$FAKE_TOOL_MODE" = "logged-out" ]; then echo 'Run Connect-AzAccount to login.' >&2; exit 1; fi
echo "WARNING: Upcoming breaking changes in the cmdlet 'Get-AzAccessToken'"
printf '{"Token":"%s","ExpiresOn":"2099-01-01T00:00:00.0000000Z"}\\n' "$FAKE_TOOL_TOKEN"
`;
  await writeFile(join(dir, "azd"), azd);
  await writeFile(join(dir, "pwsh"), pwsh);
  await chmod(join(dir, "azd"), 0o755);
  await chmod(join(dir, "pwsh"), 0o755);
  await writeFile(log, "");
  return {
    pathWithTools: `${dir}${delimiter}${process.env.PATH ?? ""}`,
    log,
    calls: async () => (await readFile(log, "utf8")).split("\n").filter((l) => l !== ""),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
