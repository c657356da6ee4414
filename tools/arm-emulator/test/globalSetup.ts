import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function newest(dir: string): number {
  return Math.max(
    ...readdirSync(dir).map((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? newest(full) : statSync(full).mtimeMs;
    }),
  );
}

/** The CLI test runs dist/cli.js: build it when missing or older than src (turbo normally has). */
export function setup(): void {
  const cli = join(root, "dist/cli.js");
  if (existsSync(cli) && statSync(cli).mtimeMs >= newest(join(root, "src"))) return;
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.json")], { stdio: "inherit" });
}
