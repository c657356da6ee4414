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
