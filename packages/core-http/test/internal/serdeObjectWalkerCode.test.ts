import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { compileSchema } from "../../src/serde/compileSchema.js";
import { generateObjectWalkers } from "../../src/serde/objectWalkerCode.js";
import { s } from "../../src/serde/schemaBuilders.js";
import { deserialize } from "../../src/serde/deserialize.js";
import { serialize } from "../../src/serde/serialize.js";

const noop = (): void => {};

describe("generateObjectWalkers", () => {
  it("writes walkers for ordinary property names", () => {
    const node = compileSchema(s.string());
    const walkers = generateObjectWalkers(
      [
        {
          name: "a",
          wirePath: ["properties", "a"],
          wireName: "properties",
          required: true,
          readOnly: false,
          nullable: false,
          node,
        },
      ],
      { node, nullable: false, readsExtra: false, extraSer: noop, extraDe: noop },
    );
    expect(walkers).toBeDefined();
  });

  it("leaves __proto__ to the generic walkers", () => {
    const node = compileSchema(s.string());
    const walkers = generateObjectWalkers(
      [
        {
          name: "__proto__",
          wirePath: ["__proto__"],
          wireName: "__proto__",
          required: false,
          readOnly: false,
          nullable: false,
          node,
        },
      ],
      { node, nullable: false, readsExtra: false, extraSer: noop, extraDe: noop },
    );
    expect(walkers).toBeUndefined();
  });

  it("keeps names that look like code as plain keys", () => {
    const names = ['a"b', "c\\nd", "});globalThis.pwned=1;//", "$" + "{x}", "line\nbreak", "\u2028"];
    const schema = s.object(Object.fromEntries(names.map((n) => [n, s.wire(["p", `${n}!`], s.string())])));
    const value = Object.fromEntries(names.map((n, i) => [n, `v${i}`]));
    const wire = serialize(schema, value as never);
    expect(wire).toEqual({ p: Object.fromEntries(names.map((n, i) => [`${n}!`, `v${i}`])) });
    expect(deserialize(schema, wire)).toEqual(value);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });
});

describe("objects built by the generated deserializer", () => {
  const Site = s.object({
    name: s.string(),
    state: s.wire(["properties", "state"], s.string()),
    created: s.wire(["properties", "created"], s.dateTime()),
    tags: s.dictionary(s.string()),
  });

  it("are plain objects, as an object literal would be", () => {
    const site = deserialize(Site, {
      name: "a",
      properties: { state: "Running", created: "2025-01-02T03:04:05Z" },
      tags: { env: "dev" },
    }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(site)).toBe(Object.prototype);
    expect(site.constructor).toBe(Object);
    expect(Object.keys(site)).toEqual(["name", "state", "created", "tags"]);
    expect(inspect(site)).toBe(
      "{\n  name: 'a',\n  state: 'Running',\n  created: 2025-01-02T03:04:05.000Z,\n  tags: { env: 'dev' }\n}",
    );
    expect(structuredClone(site)).toStrictEqual(site);
  });

  it("have only the properties the wire has, each built object on its own", () => {
    const a = deserialize(Site, { name: "a" }) as Record<string, unknown>;
    const b = deserialize(Site, { properties: { state: "Stopped" } }) as Record<string, unknown>;
    expect(Object.keys(a)).toEqual(["name"]);
    expect(Object.keys(b)).toEqual(["state"]);
    expect("state" in a).toBe(false);
    a.extra = 1;
    expect(b).toStrictEqual({ state: "Stopped" });
  });
});

describe("deserializing with values passed through inline", () => {
  const Site = s.object({
    name: s.string(),
    state: s.wire(["properties", "state"], s.string()),
    enabled: s.wire(["properties", "enabled"], s.boolean()),
    workers: s.wire(["properties", "config", "workers"], s.integer()),
    hostNames: s.wire(["properties", "hostNames"], s.array(s.string())),
    counts: s.array(s.number()),
    extra: s.any(),
  });

  function problemPaths(wire: unknown): string[] {
    try {
      deserialize(Site, wire, "body");
    } catch (error) {
      return (error as { problems: { path: string }[] }).problems.map((p) => p.path);
    }
    return [];
  }

  it("reads flattened properties through one read of their wire parent", () => {
    const wire = {
      name: "a",
      properties: { state: "Running", enabled: true, config: { workers: 2 }, hostNames: ["a.net"] },
      counts: [1, 2.5],
      extra: { any: ["thing"] },
    };
    expect(deserialize(Site, wire, "body")).toStrictEqual({
      name: "a",
      state: "Running",
      enabled: true,
      workers: 2,
      hostNames: ["a.net"],
      counts: [1, 2.5],
      extra: { any: ["thing"] },
    });
  });

  it("reads flattened properties under a wire parent that is not an object as absent", () => {
    expect(deserialize(Site, { name: "a", properties: "gone" }, "body")).toStrictEqual({ name: "a" });
    expect(deserialize(Site, { name: "a", properties: { config: [3] } }, "body")).toStrictEqual({
      name: "a",
    });
  });

  it("names the wire path of each refused scalar, flattened or in an array", () => {
    expect(
      problemPaths({
        name: 1,
        properties: { state: false, enabled: "yes", config: { workers: "2" }, hostNames: ["ok", 7] },
        counts: [1, Number.POSITIVE_INFINITY, "3"],
      }),
    ).toEqual([
      "body.name",
      "body.properties.state",
      "body.properties.enabled",
      "body.properties.config.workers",
      "body.properties.hostNames[1]",
      "body.counts[1]",
      "body.counts[2]",
    ]);
  });

  it("leaves the path as it was after a refused value, so the next problem is named right", () => {
    expect(problemPaths({ properties: { state: 1, config: { workers: "x" } }, counts: ["y"] })).toEqual([
      "body.properties.state",
      "body.properties.config.workers",
      "body.counts[0]",
    ]);
  });
});
