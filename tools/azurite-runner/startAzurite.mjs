// The one place that starts the real storage emulator for tests, samples and the bench: the
// azurite-blob 3.35.0 entry (3.36+ needs Node 22), blob service only, in memory, strict mode (no
// --loose, no --skipApiVersionCheck), loopback only, on a port the OS picks. It runs in an empty
// temporary directory so nothing it writes lands in the caller's working tree.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/** Azurite's well-known development account (public, documented; not a secret). */
/** How long Azurite may take to close after SIGTERM before it is killed. */
const STOP_GRACE_MS = 5000;

export const devAccount = {
  accountName: "devstoreaccount1",
  accountKey: "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
};

export async function startAzurite({ startTimeoutInMs = 30_000, oauth } = {}) {
  const main = join(dirname(require.resolve("azurite/package.json")), "dist/src/blob/main.js");
  const cwd = mkdtempSync(join(tmpdir(), "azkit-azurite-"));
  // Azurite checks bearer tokens (issuer, audience, expiry; not the signature) only over HTTPS.
  const oauthArgs = [];
  if (oauth) {
    writeFileSync(join(cwd, "cert.pem"), oauth.cert);
    writeFileSync(join(cwd, "key.pem"), oauth.key, { mode: 0o600 });
    oauthArgs.push("--oauth", "basic", "--cert", join(cwd, "cert.pem"), "--key", join(cwd, "key.pem"));
  }
  const child = spawn(
    process.execPath,
    [
      main,
      "--blobHost",
      "127.0.0.1",
      "--blobPort",
      "0",
      "--inMemoryPersistence",
      "--silent",
      "--disableTelemetry",
      ...oauthArgs,
    ],
    { cwd, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`azurite did not start listening within ${startTimeoutInMs} ms:\n${output}`));
    }, startTimeoutInMs);
    const onData = (chunk) => {
      output += chunk.toString();
      const match = /successfully listens on https?:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout.off("data", onData);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`azurite exited with code ${code} before listening:\n${output}`));
    });
    child.once("error", reject);
  });
  child.stdout.resume();
  child.stderr.resume();
  const protocol = oauth ? "https" : "http";
  const blobUrl = `${protocol}://127.0.0.1:${port}/${devAccount.accountName}`;
  const info = {
    port,
    blobUrl,
    ...devAccount,
    connectionString: `DefaultEndpointsProtocol=${protocol};AccountName=${devAccount.accountName};AccountKey=${devAccount.accountKey};BlobEndpoint=${blobUrl};`,
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      // Azurite's graceful close can take minutes after gigabytes went through its in-memory
      // store (seen after a full bench run: 8 GiB resident, still closing 5 minutes later); its
      // data is thrown away anyway, so after a short grace period it is killed.
      const grace = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
      await exited;
      clearTimeout(grace);
    }
    rmSync(cwd, { recursive: true, force: true });
  };
  return { info, stop };
}
