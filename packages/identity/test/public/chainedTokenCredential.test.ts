import type { AccessToken, TokenCredential } from "@azkit/core-http";
import { describe, expect, it } from "vitest";
import {
  AuthenticationError,
  ChainedTokenCredential,
  CredentialUnavailableError,
  isCredentialUnavailableError,
} from "../../src/index.js";

class Scripted implements TokenCredential {
  calls = 0;
  closed = false;
  constructor(private readonly behavior: () => AccessToken | null) {}
  async getToken(): Promise<AccessToken | null> {
    this.calls++;
    return this.behavior();
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}
class FirstCredential extends Scripted {}
class SecondCredential extends Scripted {}
class ThirdCredential extends Scripted {}

const token = (value: string): AccessToken => ({ token: value, expiresOnTimestamp: Date.now() + 3600_000 });
const unavailable = (why: string) => () => {
  throw new CredentialUnavailableError(why);
};

describe("ChainedTokenCredential", () => {
  it("uses the first credential that gives a token and remembers it", async () => {
    const first = new FirstCredential(unavailable("FirstCredential: not configured."));
    const second = new SecondCredential(() => token("second"));
    const third = new ThirdCredential(() => token("third"));
    const chain = new ChainedTokenCredential(first, second, third);
    expect((await chain.getToken("scope")).token).toBe("second");
    expect((await chain.getToken("scope")).token).toBe("second");
    expect([first.calls, second.calls, third.calls]).toEqual([1, 2, 0]);
    expect(chain.selectedCredential).toBe(second);
  });

  it("stops at a configured credential that fails, instead of trying the next", async () => {
    const failing = new FirstCredential(() => {
      throw new AuthenticationError("FirstCredential: wrong secret");
    });
    const second = new SecondCredential(() => token("second"));
    await expect(new ChainedTokenCredential(failing, second).getToken("scope")).rejects.toThrow(
      "wrong secret",
    );
    expect(second.calls).toBe(0);
  });

  it("treats a null token as unavailable and lists every credential and why when none works", async () => {
    const chain = new ChainedTokenCredential(
      new FirstCredential(unavailable("FirstCredential: AZURE_X is not set.")),
      new SecondCredential(() => null),
      new ThirdCredential(unavailable("no endpoint")),
    );
    const error = (await chain.getToken("scope").catch((e: unknown) => e)) as Error;
    expect(isCredentialUnavailableError(error)).toBe(true);
    expect(error.message).toBe(
      "ChainedTokenCredential: no credential in the chain could get a token. Tried, in order:\n" +
        "- FirstCredential: AZURE_X is not set.\n" +
        "- SecondCredential: returned no token.\n" +
        "- ThirdCredential: no endpoint",
    );
  });

  it("closes every credential of the chain", async () => {
    const first = new FirstCredential(() => token("a"));
    const second = new SecondCredential(() => token("b"));
    await new ChainedTokenCredential(first, second)[Symbol.asyncDispose]();
    expect([first.closed, second.closed]).toEqual([true, true]);
  });

  it("needs at least one credential", () => {
    expect(() => new ChainedTokenCredential()).toThrow(TypeError);
  });
});
