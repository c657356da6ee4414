import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeSyncBridge } from "@azkit/core-http";
import {
  AzureCliCredential,
  ChainedTokenCredential,
  CredentialUnavailableError,
  isCredentialUnavailableError,
  ManagedIdentityCredential,
} from "../../src/sync.js";
import { createFakeAz } from "../helpers/fakeAz.js";
import { closedLoopbackUrl } from "../helpers/loopbackTokenServer.js";

// The bridge's worker copies the environment when it starts, so the fake `az` goes on PATH first.
// (No loopback server here: the main thread blocks while the worker runs, so it could not answer.)
let az: Awaited<ReturnType<typeof createFakeAz>>;
const saved = {
  PATH: process.env.PATH,
  FAKE_AZ_LOG: process.env.FAKE_AZ_LOG,
  FAKE_AZ_MODE: process.env.FAKE_AZ_MODE,
};

beforeAll(async () => {
  az = await createFakeAz();
  process.env.PATH = az.pathWithAz;
  process.env.FAKE_AZ_LOG = az.log;
  process.env.FAKE_AZ_MODE = "ok";
});
afterAll(async () => {
  await closeSyncBridge();
  Object.assign(process.env, saved);
  await az.remove();
});

describe("@azkit/identity/sync", () => {
  it("gets a token without a Promise", () => {
    const credential = new AzureCliCredential();
    const token = credential.getToken("https://management.azure.com/.default");
    expect(token.token).toBe("cli-token");
    credential.close();
  });

  it("throws CredentialUnavailableError as the same class", async () => {
    const credential = new ManagedIdentityCredential({ imdsEndpoint: await closedLoopbackUrl() });
    let caught: unknown;
    try {
      credential.getToken("https://management.azure.com/.default");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CredentialUnavailableError);
    expect(isCredentialUnavailableError(caught)).toBe(true);
  });

  it("chains sync credentials", async () => {
    const chain = new ChainedTokenCredential(
      new ManagedIdentityCredential({ imdsEndpoint: await closedLoopbackUrl() }),
      new AzureCliCredential(),
    );
    expect(chain.getToken("https://storage.azure.com/.default").token).toBe("cli-token");
  });
});
