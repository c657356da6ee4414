import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

/**
 * A directory holding an executable `az` script that behaves as `FAKE_AZ_MODE` says and appends its
 * arguments to `FAKE_AZ_LOG`: "ok" prints a token, "logged-out" fails like `az` before `az login`,
 * "slow" hangs, "broken" fails otherwise, "garbage" prints non-JSON.
 */
export async function createFakeAz(): Promise<{
  dir: string;
  log: string;
  pathWithAz: string;
  calls(): Promise<string[]>;
  remove(): Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), "azkit-az-"));
  const log = join(dir, "calls.log");
  const script = `#!/bin/sh
echo "$*" >> "$FAKE_AZ_LOG"
case "$FAKE_AZ_MODE" in
  logged-out) echo "ERROR: Please run 'az login' to setup account." >&2; exit 1 ;;
  slow) exec sleep 30 ;;
  broken) echo "ERROR: AADSTS50076: MFA required for this resource." >&2; exit 1 ;;
  garbage) echo "not json"; exit 0 ;;
esac
now=$(date +%s)
printf '{"accessToken":"cli-token","expiresOn":"2099-01-01 00:00:00.000000","expires_on":%s,"subscription":"sub","tenant":"t","tokenType":"Bearer"}\\n' $((now + 3600))
`;
  await writeFile(join(dir, "az"), script);
  await chmod(join(dir, "az"), 0o755);
  await writeFile(log, "");
  return {
    dir,
    log,
    pathWithAz: `${dir}${delimiter}${process.env.PATH ?? ""}`,
    calls: async () => (await readFile(log, "utf8")).split("\n").filter((l) => l !== ""),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
