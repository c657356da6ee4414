import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { signJwt, verifyJwt } from "../../src/jwt.js";
import { OperationTracker } from "../../src/lro.js";
import { matchesFilter, paginate, parseFilter } from "../../src/paging.js";

describe("jwt", () => {
  const key = randomBytes(32);
  const claims = {
    aud: "https://management.azure.com",
    iss: "i",
    tid: "t",
    appid: "a",
    oid: "a",
    sub: "a",
    idtyp: "app" as const,
    iat: 1,
    nbf: 1,
    exp: 2,
    ver: "1.0" as const,
  };

  it("round-trips claims and rejects another key or a tampered payload", () => {
    const token = signJwt(claims, key);
    expect(verifyJwt(token, key)).toEqual(claims);
    expect(verifyJwt(token, randomBytes(32))).toBeUndefined();
    const [h, , s] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ ...claims, exp: 9e9 })).toString("base64url");
    expect(verifyJwt(`${h}.${forged}.${s}`, key)).toBeUndefined();
  });
});

describe("parseFilter / matchesFilter", () => {
  it("parses resourceType, tag pairs and substringof, and matches case-insensitively where ARM does", () => {
    const f = parseFilter("resourceType eq 'A.B/c' and tagName eq 'Env' and tagValue eq 'prod'");
    expect(f).toEqual({ resourceType: "A.B/c", tagName: "Env", tagValue: "prod" });
    expect(matchesFilter(f, { type: "a.b/C", name: "x", tags: { env: "prod" } })).toBe(true);
    expect(matchesFilter(f, { type: "a.b/C", name: "x", tags: { env: "Prod" } })).toBe(false);
    expect(parseFilter("substringof('ab', name)")).toEqual({ nameSubstring: "ab" });
    expect(() => parseFilter("tagValue eq 'x'")).toThrow(/tagValue requires tagName/);
  });
});

describe("paginate", () => {
  it("returns pages of pageSize ordered by key, with a resumable nextLink", () => {
    const items = ["c", "a", "b"].map((k) => ({ key: k, value: k }));
    const url = new URL("http://x/list?api-version=1");
    const first = paginate(items, url, "http://base", 2);
    expect(first.value).toEqual(["a", "b"]);
    const second = paginate(items, new URL(first.nextLink!), "http://base", 2);
    expect(second).toEqual({ value: ["c"] });
  });
});

describe("OperationTracker", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("completes after N polls, running its completion once", () => {
    const complete = vi.fn();
    const ops = new OperationTracker({ polls: 2, minDurationInMs: 0 });
    const op = ops.start("sub", complete);
    expect([ops.poll(op), ops.poll(op), ops.poll(op), ops.poll(op)]).toEqual([false, false, true, true]);
    expect(complete).toHaveBeenCalledTimes(1);
  });

  it("also waits for minDurationInMs (realistic pacing for samples)", () => {
    vi.useFakeTimers();
    const ops = new OperationTracker({ polls: 0, minDurationInMs: 10_000 });
    const op = ops.start("sub", () => {});
    expect(ops.poll(op)).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(ops.poll(op)).toBe(true);
  });

  it("with zero polls and no minimum, is done at start", () => {
    const ops = new OperationTracker({ polls: 0, minDurationInMs: 0 });
    expect(ops.start("sub", () => {}).status).toBe("Succeeded");
  });
});
