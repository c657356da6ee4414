// A throwaway npm registry for the install tests: Verdaccio 6.8 (the last release that runs on
// Node 20) in a child process on a free loopback port, its storage and users in a new temporary
// folder that `stop()` deletes. It serves only what is published to it (no uplink), so a client
// points just the @azkit scope at it and takes everything else from its usual registry. Publishing
// needs a login, as on npm: a throwaway user is created at start and its token handed back.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function verdaccioConfig(root) {
  // Verdaccio reads YAML; JSON is valid YAML, so no YAML writer is needed.
  return JSON.stringify({
    storage: join(root, "storage"),
    auth: { htpasswd: { file: join(root, "htpasswd"), max_users: 10 } },
    uplinks: {},
    packages: {
      "@azkit/*": { access: "$all", publish: "$authenticated", unpublish: "$authenticated" },
      "**": { access: "$all", publish: "$authenticated" },
    },
    web: { enable: false },
    log: { type: "stdout", format: "pretty", level: "error" },
    max_body_size: "50mb",
  });
}

async function waitForPort(child, startTimeoutInMs) {
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`verdaccio did not start listening within ${startTimeoutInMs} ms:\n${output}`));
    }, startTimeoutInMs);
    const onData = (chunk) => {
      output += chunk.toString();
      const match = /\{"port":(\d+)\}/.exec(output);
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
      reject(new Error(`verdaccio exited with code ${code} before listening:\n${output}`));
    });
    child.once("error", reject);
  });
}

/** Creates a user the way `npm adduser` does and returns its token. */
async function addUser(url, name, password) {
  const response = await fetch(`${url}-/user/org.couchdb.user:${name}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, password, type: "user", roles: [], date: new Date().toISOString() }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.token) {
    throw new Error(
      `could not create the throwaway registry user: HTTP ${response.status} ${JSON.stringify(body)}`,
    );
  }
  return body.token;
}

export async function startRegistry({ startTimeoutInMs = 60_000 } = {}) {
  const root = mkdtempSync(join(tmpdir(), "azkit-registry-"));
  const configPath = join(root, "config.yaml");
  writeFileSync(configPath, verdaccioConfig(root));
  const child = spawn(process.execPath, [join(import.meta.dirname, "registryServer.mjs"), configPath], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(root, { recursive: true, force: true });
  };
  try {
    const port = await waitForPort(child, startTimeoutInMs);
    child.stdout.resume();
    child.stderr.resume();
    const url = `http://127.0.0.1:${port}/`;
    const token = await addUser(url, "azkit-test", randomBytes(12).toString("hex"));
    const authLine = `//127.0.0.1:${port}/:_authToken=${token}`;
    return { url, token, authLine, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
