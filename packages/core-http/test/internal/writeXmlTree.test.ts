import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serialize } from "../../src/serde/serialize.js";
import { fromWire, stringifyXml } from "../../src/serde/xml/stringifyXml.js";
import { writeXmlTree } from "../../src/serde/xml/writeXmlTree.js";
import { xmlNodeKeyOptions } from "../../src/serde/xml/xmlNames.js";
import { valueArbitrary, xmlSchemaArbitrary } from "../public/randomSchemas.js";

// writeXmlTree replaced fast-xml-parser's builder in stringifyXml: the bytes sent must not change.
// The reference is fast-xml-parser 5.12's XMLBuilder with the options stringifyXml used.
const { XMLBuilder } = createRequire(import.meta.url)("fast-xml-parser");
const reference = new XMLBuilder({
  ...xmlNodeKeyOptions,
  suppressEmptyNode: false,
  suppressBooleanAttributes: false,
  format: false,
  processEntities: true,
});

describe("writeXmlTree", () => {
  it("writes what fast-xml-parser's XMLBuilder wrote, for generated schemas and values", () => {
    const schemaAndValue = xmlSchemaArbitrary.chain((schema) =>
      valueArbitrary(schema).map((value) => ({ schema, value })),
    );
    fc.assert(
      fc.property(schemaAndValue, ({ schema, value }) => {
        const root = schema.xml?.name ?? "Root";
        const tree = { [root]: fromWire(schema, serialize(schema, value as never, root)) };
        expect(writeXmlTree(tree)).toBe(reference.build(tree));
        expect(stringifyXml(schema, value as never, { omitDeclaration: true, rootName: root })).toBe(
          reference.build(tree),
        );
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  const trees: Record<string, Record<string, unknown>> = {
    "the five XML characters in text and attributes": {
      R: { $: { Id: `a&b<c>"d'` }, T: `x & <y> "z" 'w'` },
    },
    "empty, null and undefined elements": { R: { Empty: "", Null: null, Gone: undefined, Obj: {} } },
    "repeated elements, with undefined items": { R: { I: ["1", undefined, { $: { a: "v" } }, ""] } },
    "text beside attributes and children": { R: { $: { k: "v" }, "#text": "head", C: ["1", "2"] } },
    "numbers, booleans and negative zero": { R: { N: 42, Z: -0, B: false, $: { z: -0, t: true } } },
    "an element with only attributes": { R: { E: { $: { a: "1", b: "" } } } },
    "odd values under the special keys": { R: { "#text": null, $: "not a group", C: { $: ["x"] } } },
    "a date": { R: { D: new Date(0) } },
  };
  for (const [name, tree] of Object.entries(trees)) {
    it(`writes what fast-xml-parser's XMLBuilder wrote: ${name}`, () => {
      expect(writeXmlTree(tree)).toBe(reference.build(tree));
    });
  }

  // Where it departs from the builder, on purpose (no value stringifyXml makes has a null item: fromWire
  // writes null as ""):
  it("keeps the order of a list with null items (the builder wrote the null ones first)", () => {
    expect(writeXmlTree({ R: { I: ["1", null, "2"] } })).toBe("<R><I>1</I><I/><I>2</I></R>");
    expect(reference.build({ R: { I: ["1", null, "2"] } })).toBe("<R><I/><I>1</I><I>2</I></R>");
  });

  it("escapes the five XML characters in text and attribute values", () => {
    expect(writeXmlTree({ R: { $: { Id: `a&b<c>"d'` }, T: `x & <y> "z" 'w'` } })).toBe(
      `<R Id="a&amp;b&lt;c&gt;&quot;d&apos;"><T>x &amp; &lt;y&gt; &quot;z&quot; &apos;w&apos;</T></R>`,
    );
  });
});
