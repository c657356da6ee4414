import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { isSerializationError } from "@azkit/core-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Site, SiteConfig, WebSiteManagementClient } from "../../src/index.js";

// Site flattens `properties` as @azure/arm-appservice does: the user writes serverFarmId, the wire
// carries properties.serverFarmId.
let server: Server;
let client: WebSiteManagementClient;
const bodies: string[] = [];
const credential = { getToken: async () => ({ token: "t", expiresOnTimestamp: Date.now() + 3_600_000 }) };

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      bodies.push(body);
      const sent = JSON.parse(body || "{}");
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          ...sent,
          id: "/sites/app",
          name: "app",
          properties: { ...sent.properties, state: "Running" },
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = new WebSiteManagementClient(credential, "sub", { endpoint, allowInsecureConnection: true });
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("WebSiteManagementClient and the flattened Site", () => {
  it("sends inline JSON and new Site(...) as the same wire body, properties nested", async () => {
    const plan = "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Web/serverfarms/plan";
    const inline = await client.webApps.beginCreateOrUpdateAndWait("rg", "app", {
      location: "westus",
      serverFarmId: plan,
      httpsOnly: true,
      siteConfig: { linuxFxVersion: "PYTHON|3.12" },
    });
    await client.webApps.createOrUpdate(
      "rg",
      "app",
      new Site({
        location: "westus",
        serverFarmId: plan,
        httpsOnly: true,
        siteConfig: new SiteConfig({ linuxFxVersion: "PYTHON|3.12" }),
      }),
    );
    expect(bodies[1]).toBe(bodies[0]);
    expect(JSON.parse(bodies[0]!)).toEqual({
      location: "westus",
      properties: { serverFarmId: plan, siteConfig: { linuxFxVersion: "PYTHON|3.12" }, httpsOnly: true },
    });
    expect(inline.serverFarmId).toBe(plan);
    expect(inline.state).toBe("Running");
  });

  it("names the path of a wrong shape and sends nothing", async () => {
    const before = bodies.length;
    const error = await client.webApps
      .beginCreateOrUpdate("rg", "app", { location: "westus", siteConfig: "python|3.8" } as never)
      .catch((e: unknown) => e);
    expect(isSerializationError(error)).toBe(true);
    expect((error as Error).message).toContain("siteEnvelope.siteConfig");
    expect(bodies.length).toBe(before);
  });
});
