import { type ChildProcess, execFile, spawn } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const cli = resolve(dirname(fileURLToPath(import.meta.url)), "../../dist/cli.js");

function startCli(
  args: string[],
): Promise<{ child: ChildProcess; env: Record<string, string>; banner: string }> {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolvePromise, reject) => {
    let out = "";
    child.once("exit", (code) => reject(new Error(`cli exited with ${code}: ${out}`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (
        out.includes("NODE_EXTRA_CA_CERTS") ||
        (args.includes("--http") && out.includes("AZURE_POD_IDENTITY"))
      ) {
        const env: Record<string, string> = {};
        for (const [, k, v] of out.matchAll(/^export (\w+)=(".*")$/gm)) env[k!] = JSON.parse(v!);
        resolvePromise({ child, env, banner: out.split("\n")[0]! });
      }
    });
  });
}

describe("command line", () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) child.kill("SIGTERM");
  });

  it("prints the environment a client needs, and a client using only that environment works", async () => {
    const { child, env, banner } = await startCli(["--port", "0"]);
    children.push(child);
    expect(banner).toMatch(/^# arm-emulator listening on https:\/\/127\.0\.0\.1:\d+ \(started in \d+ ms\)$/);
    expect(Object.keys(env).sort()).toEqual(
      [
        "AZURE_AUTHORITY_HOST",
        "AZURE_CLIENT_ID",
        "AZURE_CLIENT_SECRET",
        "AZURE_POD_IDENTITY_AUTHORITY_HOST",
        "AZURE_RESOURCE_MANAGER_ENDPOINT",
        "AZURE_SUBSCRIPTION_ID",
        "AZURE_TENANT_ID",
        "NODE_EXTRA_CA_CERTS",
      ].sort(),
    );
    // A separate Node process trusting the CA only through NODE_EXTRA_CA_CERTS, using global fetch.
    const script = `
      const e = process.env;
      const form = new URLSearchParams({ grant_type: "client_credentials", client_id: e.AZURE_CLIENT_ID,
        client_secret: e.AZURE_CLIENT_SECRET, scope: "https://management.azure.com/.default" });
      const t = await (await fetch(e.AZURE_AUTHORITY_HOST + "/" + e.AZURE_TENANT_ID + "/oauth2/v2.0/token", { method: "POST", body: form })).json();
      const r = await fetch(e.AZURE_RESOURCE_MANAGER_ENDPOINT + "/subscriptions/" + e.AZURE_SUBSCRIPTION_ID + "/resourcegroups?api-version=2025-04-01",
        { headers: { authorization: "Bearer " + t.access_token } });
      console.log(r.status);`;
    const status = await new Promise<string>((resolvePromise, reject) =>
      execFile(
        process.execPath,
        ["--input-type=module", "-e", script],
        { env: { ...process.env, ...env } },
        (error, stdout) => (error ? reject(error) : resolvePromise(stdout.trim())),
      ),
    );
    expect(status).toBe("200");
  });

  it("serves plain http with --http", async () => {
    const { child, env } = await startCli(["--port", "0", "--http"]);
    children.push(child);
    expect(env.AZURE_RESOURCE_MANAGER_ENDPOINT).toMatch(/^http:\/\//);
    expect(env.NODE_EXTRA_CA_CERTS).toBeUndefined();
  });
});
