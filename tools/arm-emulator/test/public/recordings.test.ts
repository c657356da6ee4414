import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type ArmEmulator, startArmEmulator } from "../../src/index.js";
import { type ArmCaller, armCaller, type Reply, shapeMismatches, specsRoot } from "../helpers.js";

// biome-ignore lint/suspicious/noExplicitAny: recordings are untyped JSON
type Json = any;

const RECORDINGS = join(specsRoot, "recordings/Azure/azure-sdk-for-js/sdk");

/** Headers that depend on the transport or the server software, not on ARM's behaviour. */
const TRANSPORT_HEADERS = new Set([
  "date",
  "server",
  "x-aspnet-version",
  "content-encoding",
  "transfer-encoding",
  "vary",
  "content-length",
  "connection",
  "keep-alive",
]);

function load(path: string): Json[] {
  return JSON.parse(readFileSync(join(RECORDINGS, path), "utf8")).Entries;
}

function headerNames(headers: Record<string, unknown>): string[] {
  return Object.keys(headers)
    .map((h) => h.toLowerCase())
    .filter((h) => !TRANSPORT_HEADERS.has(h))
    .sort();
}

/** Replays one recorded request: same method, path and query, recorded headers, our token. */
async function replay(arm: ArmEmulator, caller: ArmCaller, entry: Json, url?: string): Promise<Reply> {
  const recorded = new URL(entry.RequestUri);
  const target =
    url ??
    `${arm.url}${recorded.pathname.replace("azure_subscription_id", arm.subscriptionId)}${recorded.search}`;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries<string>(entry.RequestHeaders)) {
    if (!["authorization", "content-length", "connection", "accept-encoding"].includes(k.toLowerCase())) {
      headers[k.toLowerCase()] = v;
    }
  }
  return caller.call(entry.RequestMethod, target, entry.RequestBody ?? undefined, headers);
}

function expectSameAs(reply: Reply, entry: Json): void {
  expect(reply.status, reply.text).toBe(entry.StatusCode);
  expect(headerNames(reply.headers)).toEqual(headerNames(entry.ResponseHeaders));
}

describe("recorded ARM traffic replay", () => {
  let arm: ArmEmulator | undefined;
  afterEach(async () => {
    await arm?.close();
    arm = undefined;
  });

  it("resource group delete: 202 + Location + Retry-After, 202 polls, final 200, then the list", async () => {
    const entries = load(
      "resources/arm-resources/recordings/node/resources_test/recording_resourcegroups_delete_test.json",
    );
    const polls = entries.filter(
      (e) => e.RequestUri.includes("/operationresults/") && e.StatusCode === 202,
    ).length;
    const retryAfter = Number(entries[0].ResponseHeaders["Retry-After"]);
    arm = await startArmEmulator({ https: false, lro: { polls, retryAfterSeconds: retryAfter } });
    const caller = await armCaller(arm);
    await caller.call("PUT", `${caller.sub}/resourcegroups/myjstest1?api-version=2021-04-01`, {
      location: "eastus",
    });

    let location: string | undefined;
    for (const entry of entries) {
      const isPoll = entry.RequestUri.includes("/operationresults/");
      const reply = await replay(arm, caller, entry, isPoll ? location : undefined);
      expectSameAs(reply, entry);
      if (entry.ResponseHeaders.Location) {
        expect(reply.headers["retry-after"]).toBe(entry.ResponseHeaders["Retry-After"]);
        const ours = new URL(reply.headers.location!);
        const theirs = new URL(entry.ResponseHeaders.Location);
        expect(ours.pathname).toMatch(
          new RegExp(`^/subscriptions/${arm.subscriptionId}/operationresults/[\\w-]+$`),
        );
        expect(theirs.pathname).toMatch(/^\/subscriptions\/azure_subscription_id\/operationresults\/[\w-]+$/);
        expect(ours.searchParams.get("api-version")).toBe(theirs.searchParams.get("api-version"));
        location = reply.headers.location;
      }
      if (entry.ResponseBody?.value) {
        const names = reply.json.value.map((g: Json) => g.name);
        expect(names).not.toContain("myjstest1");
      }
    }
  });

  it("vault create (existing vault, api 2021-11-01-preview): synchronous 200 with provisioningState Succeeded", async () => {
    const [entry] = load(
      "keyvault/arm-keyvault/recordings/node/keyvault_test/recording_vaults_create_test.json",
    );
    arm = await startArmEmulator({ https: false, lro: { polls: 1 } });
    const caller = await armCaller(arm);
    await caller.call("PUT", `${caller.sub}/resourcegroups/myjstest?api-version=2021-04-01`, {
      location: "eastus",
    });
    // The recorded run found the vault already there (createdAt is ten minutes before lastModifiedAt).
    await replay(arm, caller, entry);
    await caller.call(
      "GET",
      `${caller.sub}/resourceGroups/myjstest/providers/Microsoft.KeyVault/vaults/myvaultzzzz?api-version=2021-11-01-preview`,
    );
    await caller.call(
      "GET",
      `${caller.sub}/resourceGroups/myjstest/providers/Microsoft.KeyVault/vaults/myvaultzzzz?api-version=2021-11-01-preview`,
    );

    const reply = await replay(arm, caller, entry);
    expectSameAs(reply, entry);
    expect(reply.headers["x-ms-client-request-id"]).toBe(entry.RequestHeaders["x-ms-client-request-id"]);
    expect(shapeMismatches(reply.json, entry.ResponseBody)).toEqual([]);
    expect(reply.json.properties.provisioningState).toBe("Succeeded");
  });

  it("app service plan create with an unsupported api-version: 400 NoRegisteredProviderFound from the gateway", async () => {
    const [entry] = load(
      "appservice/arm-appservice/recordings/node/web_test/recording_appserviceplans_create_test.json",
    );
    arm = await startArmEmulator({ https: false });
    const caller = await armCaller(arm);
    await caller.call("PUT", `${caller.sub}/resourcegroups/myjstest?api-version=2021-04-01`, {
      location: "eastus",
    });

    const reply = await replay(arm, caller, entry);
    expectSameAs(reply, entry);
    expect(reply.json.error.code).toBe(entry.ResponseBody.error.code);
    const prefix =
      /^No registered resource provider found for location '[^']+' and API version '[^']+' for type '[^']+'\./;
    expect(entry.ResponseBody.error.message).toMatch(prefix);
    expect(reply.json.error.message).toMatch(prefix);
    expect(reply.json.error.message).toContain(
      "for location 'eastus' and API version '2022-09-01' for type 'serverFarms'",
    );
  });
});
