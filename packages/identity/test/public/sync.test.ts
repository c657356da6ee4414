import { type ChildProcess, spawn } from "node:child_process";
import { closeSyncBridge } from "@azkit/core-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AuthenticationError,
  AzureCliCredential,
  ChainedTokenCredential,
  ClientSecretCredential,
  CredentialUnavailableError,
  isCredentialUnavailableError,
  ManagedIdentityCredential,
} from "../../src/sync.js";
import { createFakeAz } from "../helpers/fakeAz.js";
import { closedLoopbackUrl } from "../helpers/loopbackTokenServer.js";

// The bridge's worker copies the environment when it starts, so the fake `az` goes on PATH first.
// The token server runs in a child process: this thread blocks while the worker waits for it.
let az: Awaited<ReturnType<typeof createFakeAz>>;
let tokenServer: ChildProcess;
let authorityHost: string;
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
  tokenServer = spawn(
    process.execPath,
    [new URL("../fixtures/tokenServerProcess.mjs", import.meta.url).pathname],
    {
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  authorityHost = await new Promise<string>((resolve) => {
    tokenServer.stdout?.once("data", (chunk: Buffer) => resolve(chunk.toString("utf8").trim()));
  });
});
afterAll(async () => {
  tokenServer?.stdin?.end();
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

  it("authenticates with a client secret over HTTP, blocking", () => {
    const credential = new ClientSecretCredential("tenant-1", "client-1", "sync-secret", { authorityHost });
    expect(credential.getToken("https://management.azure.com/.default").token).toBe("sync-token-1");
    expect(credential.getToken("https://management.azure.com/.default").token).toBe("sync-token-1");
    credential.close();
  });

  it("throws AuthenticationError as the same class, without the secret", () => {
    const credential = new ClientSecretCredential("tenant-1", "client-1", "wrong-secret", {
      authorityHost,
      retryOptions: { maxRetries: 0 },
    });
    let caught: unknown;
    try {
      credential.getToken("https://management.azure.com/.default");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AuthenticationError);
    expect((caught as AuthenticationError).statusCode).toBe(401);
    expect((caught as Error).message).not.toContain("wrong-secret");
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
