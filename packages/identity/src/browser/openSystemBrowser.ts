import { spawn } from "node:child_process";

/**
 * Opens `url` in the user's browser: the command in `BROWSER` when set (as many command-line tools honour
 * it; `%s` stands for the URL, else the URL is appended), otherwise `open` on macOS, the URL protocol
 * handler on Windows and `xdg-open` elsewhere. The URL is passed as one argument, never through a shell.
 * Resolves once the command has started.
 */
export function openSystemBrowser(url: string): Promise<void> {
  const [command, ...args] = browserCommand(url);
  return new Promise((resolve, reject) => {
    const child = spawn(command!, args, { detached: true, stdio: "ignore", windowsHide: true });
    child.once("error", reject);
    child.once("spawn", () => {
      child.unref();
      resolve();
    });
  });
}

function browserCommand(url: string): string[] {
  const configured = process.env.BROWSER?.split(process.platform === "win32" ? ";" : ":")[0]?.trim();
  if (configured) {
    const parts = configured.split(/\s+/);
    return parts.some((p) => p.includes("%s")) ? parts.map((p) => p.replaceAll("%s", url)) : [...parts, url];
  }
  if (process.platform === "darwin") return ["open", url];
  if (process.platform === "win32") return ["rundll32", "url.dll,FileProtocolHandler", url];
  return ["xdg-open", url];
}
