import { execFile } from "node:child_process";
import type { AbortSignalLike } from "@azkit/core-http";

/** How a developer tool (az, azd, pwsh) run ended when it did not succeed. */
export interface ToolFailure {
  /** The process error: `code` ENOENT when the tool is missing, `killed` after the timeout. */
  error: NodeJS.ErrnoException & { killed?: boolean };
  stderr: string;
  stdout: string;
  aborted: boolean;
}

/**
 * Runs a developer tool that prints a token (no shell except for Windows `.cmd` scripts, whose arguments
 * the callers have validated), with a timeout and abort. Resolves with its output; rejects with a
 * `ToolFailure` for the credential to turn into its own error.
 */
export function runDeveloperTool(
  file: string,
  args: string[],
  timeoutInMs: number,
  abortSignal: AbortSignalLike | undefined,
  options: { windowsCmd?: boolean; cwd?: string } = {},
): Promise<{ stdout: string; stderr: string }> {
  const isWindows = process.platform === "win32";
  const shell = isWindows && options.windowsCmd === true;
  return new Promise((resolve, reject) => {
    let aborted = false;
    const child = execFile(
      shell ? `${file}.cmd` : file,
      args,
      {
        timeout: timeoutInMs,
        windowsHide: true,
        encoding: "utf8",
        shell,
        maxBuffer: 1024 * 1024,
        ...(options.cwd ? { cwd: options.cwd } : {}),
      },
      (error, stdout, stderr) => {
        abortSignal?.removeEventListener("abort", onAbort);
        if (!error) resolve({ stdout, stderr });
        else reject({ error: error as ToolFailure["error"], stderr, stdout, aborted } satisfies ToolFailure);
      },
    );
    const onAbort = () => {
      aborted = true;
      child.kill();
    };
    abortSignal?.addEventListener("abort", onAbort);
  });
}

/** An AbortError for a tool run the caller aborted. */
export function toolAborted(credentialName: string): Error {
  const abortError = new Error(`${credentialName}: aborted.`);
  abortError.name = "AbortError";
  return abortError;
}

/** The first non-empty line of a tool's error output, shortened, for a message. */
export function firstLine(text: string, fallback: string): string {
  return (
    text
      .split(/\r?\n/)
      .find((line) => line.trim() !== "")
      ?.trim()
      .slice(0, 300) ?? fallback
  );
}
