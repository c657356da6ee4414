import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  AzureKeyCredential,
  AzureNamedKeyCredential,
  AzureSasCredential,
  isKeyCredential,
  isNamedKeyCredential,
  isSASCredential,
  isTokenCredential,
} from "../../src/index.js";

describe("AzureKeyCredential", () => {
  it("exposes the key and takes a rotated one", () => {
    const credential = new AzureKeyCredential("key-1");
    expect(credential.key).toBe("key-1");
    credential.update("key-2");
    expect(credential.key).toBe("key-2");
  });

  it("rejects an empty key", () => {
    expect(() => new AzureKeyCredential("")).toThrow(TypeError);
    expect(() => new AzureKeyCredential("k").update("")).toThrow(/non-empty/);
  });

  it("does not show the key when inspected or serialized", () => {
    const credential = new AzureKeyCredential("SECRET-KEY");
    expect(inspect(credential, { showHidden: true, depth: 5 })).not.toContain("SECRET-KEY");
    expect(JSON.stringify(credential)).not.toContain("SECRET-KEY");
  });
});

describe("AzureNamedKeyCredential", () => {
  it("exposes name and key and rotates both together", () => {
    const credential = new AzureNamedKeyCredential("account", "key-1");
    credential.update("account2", "key-2");
    expect([credential.name, credential.key]).toEqual(["account2", "key-2"]);
  });

  it("keeps the old pair when an update is invalid", () => {
    const credential = new AzureNamedKeyCredential("account", "key-1");
    expect(() => credential.update("other", "")).toThrow(TypeError);
    expect([credential.name, credential.key]).toEqual(["account", "key-1"]);
  });

  it("shows the name but not the key when inspected or serialized", () => {
    const credential = new AzureNamedKeyCredential("account", "SECRET-KEY");
    expect(JSON.stringify(credential)).toBe('{"name":"account"}');
    expect(inspect(credential, { showHidden: true })).not.toContain("SECRET-KEY");
  });
});

describe("AzureSasCredential", () => {
  it("strips the leading ? users copy from a SAS URL and takes a renewed signature", () => {
    const credential = new AzureSasCredential("?sv=1&sig=abc");
    expect(credential.signature).toBe("sv=1&sig=abc");
    credential.update("sv=2&sig=def");
    expect(credential.signature).toBe("sv=2&sig=def");
    expect(() => credential.update("")).toThrow(TypeError);
    expect(inspect(credential)).not.toContain("def");
  });
});

describe("credential guards", () => {
  const token = { getToken: async (_scopes: string | string[]) => null };
  const key = new AzureKeyCredential("k");
  const named = new AzureNamedKeyCredential("n", "k");
  const sas = new AzureSasCredential("sig=1");

  it("tell each kind of credential apart", () => {
    expect([token, key, named, sas, null, "x"].map(isTokenCredential)).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect([token, key, named, sas].map(isKeyCredential)).toEqual([false, true, true, false]);
    expect([token, key, named, sas].map(isNamedKeyCredential)).toEqual([false, false, true, false]);
    expect([token, key, named, sas].map(isSASCredential)).toEqual([false, false, false, true]);
  });

  it("do not take a signer with a parameterless getToken for a token credential", () => {
    expect(isTokenCredential({ getToken: () => null, signRequest: () => undefined })).toBe(false);
    expect(isTokenCredential({ getToken: (_s: string) => null, signRequest: () => undefined })).toBe(true);
  });
});
