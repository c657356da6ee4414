import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startArmEmulator } from "../../src/index.js";
import { armCaller, KV_API, RG_API, send } from "../helpers.js";

describe("state file persistence", () => {
  const dir = mkdtempSync(join(tmpdir(), "arm-emulator-state-"));
  const statePath = join(dir, "state.json");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps groups, resources, the client secret and token validity across a restart", async () => {
    const first = await startArmEmulator({ https: false, statePath, lro: { polls: 3 } });
    const c1 = await armCaller(first);
    await c1.call("PUT", `${c1.sub}/resourcegroups/kept?${RG_API}`, { location: "westus" });
    const vault = `${c1.sub}/resourceGroups/kept/providers/Microsoft.KeyVault/vaults/kept-vault?${KV_API}`;
    await c1.call("PUT", vault, {
      location: "westus",
      properties: { tenantId: first.tenantId, sku: { family: "A", name: "standard" } },
    });
    const token = first.issueToken();
    await first.close();
    expect(JSON.parse(readFileSync(statePath, "utf8")).groups).toHaveLength(1);

    const second = await startArmEmulator({ https: false, statePath });
    try {
      expect(second.clientSecret).toBe(first.clientSecret);
      expect(second.ca).toBeUndefined();
      const reply = await send(`${second.url}${vault}`, { headers: { authorization: `Bearer ${token}` } });
      expect(reply.status).toBe(200);
      // An operation in flight at shutdown has finished by the restart.
      expect(reply.json.properties.provisioningState).toBe("Succeeded");
    } finally {
      await second.close();
    }
  });

  it("keeps the HTTPS certificate, so a client's NODE_EXTRA_CA_CERTS stays valid", async () => {
    const path = join(dir, "tls-state.json");
    const first = await startArmEmulator({ https: true, statePath: path });
    await first.close();
    const second = await startArmEmulator({ https: true, statePath: path });
    try {
      expect(second.ca).toBe(first.ca);
      const reply = await send(`${second.url}/__emulator/health`, { ca: first.ca! });
      expect(reply.status).toBe(200);
    } finally {
      await second.close();
    }
  });
});
