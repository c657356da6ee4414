// The README's two commands are the project's contract with a new user; .ci/run executes the test
// one from the README itself, so the two cannot drift. Each command is the single line of the
// ```sh fence that follows its marker comment.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

const README = resolve(import.meta.dirname, "../../README.md");

/** @param {"samples" | "test"} which */
export function readmeCommand(which) {
  const text = readFileSync(README, "utf8");
  const marker = `<!-- ${which}-command -->`;
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`README.md has no ${marker} marker before its ${which} command`);
  const fence = /```sh\n([^\n]+)\n```/.exec(text.slice(at));
  if (!fence) throw new Error(`README.md: expected a one-line \`\`\`sh fence after ${marker}`);
  return fence[1].trim();
}

// `node readmeCommands.mjs test` prints the command (used by .ci/run).
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.stdout.write(`${readmeCommand(process.argv[2] ?? "test")}\n`);
}
