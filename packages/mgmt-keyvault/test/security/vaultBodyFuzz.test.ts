// The key vault body fuzz of issue #17: 500 seeded corruptions of the usage guide's vault body (wrong
// types, typos in keys at any depth, null, bad numbers). Every one must fail with a typed
// SerializationError naming the corrupted path, and none may send a request: the client points at a
// loopback server that counts what reaches it.
import { createServer, type Server } from "node:http";
import { isSerializationError, type TokenCredential } from "@azkit/core-http";
import { fuzzArguments } from "arg-fuzz";
import { afterAll, beforeAll, expect, it } from "vitest";
import { KeyVaultManagementClient } from "../../src/index.js";

let server: Server;
let requests = 0;
let client: KeyVaultManagementClient;
const tenantId = "00000000-0000-0000-0000-000000000001";
const credential: TokenCredential = {
  getToken: async () => ({ token: "fuzz", expiresOnTimestamp: Date.now() + 3_600_000 }),
};

beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    req.resume();
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  client = new KeyVaultManagementClient(credential, "00000000-0000-0000-0000-000000000000", {
    endpoint: `http://127.0.0.1:${port}`,
    allowInsecureConnection: true,
    retryTotal: 0,
  });
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The usage guide's vault: a standard SKU and one access policy. */
const vaultBody = () => ({
  location: "westus",
  tags: { env: "dev" },
  properties: {
    tenantId,
    sku: { family: "A", name: "standard" },
    enableSoftDelete: true,
    softDeleteRetentionInDays: 90,
    accessPolicies: [
      {
        tenantId,
        objectId: "00000000-0000-0000-0000-0000000000aa",
        permissions: { keys: ["get", "list"], secrets: ["get"], certificates: ["get"] },
      },
    ],
  },
});

it("500 corrupted vault bodies: each a SerializationError naming the path, no request sent", async () => {
  const stats = await fuzzArguments({
    seed: 17,
    runs: 500,
    isTyped: isSerializationError,
    cases: [
      {
        name: "vaults.beginCreateOrUpdate",
        argNames: ["resourceGroupName", "vaultName", "parameters"],
        args: () => ["rg", "fuzz-vault", vaultBody()],
        call: (...a) => client.vaults.beginCreateOrUpdate(...(a as [string, string, never])),
      },
    ],
  });
  console.log(
    `vault body fuzz: ${stats.tried} bad inputs tried, ${stats.rejected} rejected before sending, ${requests} requests sent; by kind ${JSON.stringify(stats.byKind)}`,
  );
  expect(stats.rejected).toBe(500);
  expect(requests).toBe(0);
});
