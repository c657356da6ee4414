// The sync twins of the fixture's async classes, as a service's src/sync.ts would declare them.
import {
  createSyncClientClass,
  registerSyncErrorClass,
  type SyncClient,
  type SyncClientClass,
} from "../../src/index.js";
import {
  type FixtureChildClient as AsyncFixtureChildClient,
  FixtureClient as AsyncFixtureClient,
  type FixtureCredential as AsyncFixtureCredential,
  FixtureError,
  FixtureNotFoundError,
} from "../fixtures/syncBridgeFixture.mjs";

/** Where the worker imports the fixture from. */
export const fixtureUrl: URL = new URL("../fixtures/syncBridgeFixture.mjs", import.meta.url);

export const FixtureClient: SyncClientClass<typeof AsyncFixtureClient, "fromName"> = createSyncClientClass<
  typeof AsyncFixtureClient,
  "fromName"
>({ moduleSpecifier: fixtureUrl, exportName: "FixtureClient", staticMethods: ["fromName"] });
export type FixtureClient = SyncClient<AsyncFixtureClient>;

export const FixtureChildClient = createSyncClientClass<typeof AsyncFixtureChildClient>({
  moduleSpecifier: fixtureUrl,
  exportName: "FixtureChildClient",
});

export const FixtureCredential = createSyncClientClass<typeof AsyncFixtureCredential>({
  modulePath: fixtureUrl.pathname,
  exportName: "FixtureCredential",
});

registerSyncErrorClass(FixtureError);
registerSyncErrorClass(FixtureNotFoundError);
// keep the async class referenced so the type import stays honest
void AsyncFixtureClient;
