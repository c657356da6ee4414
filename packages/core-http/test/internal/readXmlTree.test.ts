import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readXmlTree } from "../../src/serde/xml/readXmlTree.js";
import { xmlNodeKeyOptions } from "../../src/serde/xml/xmlNames.js";

// The reader replaced fast-xml-parser in parseXml; it must build the very tree fast-xml-parser built
// with the options parseXml used, so toWire and every schema read the same values.
const { XMLParser } = createRequire(import.meta.url)("fast-xml-parser");
const reference = new XMLParser({
  ...xmlNodeKeyOptions,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  htmlEntities: false,
});

const documents: Record<string, string> = {
  "declaration, attributes, repeated and empty elements": `<?xml version="1.0" encoding="utf-8"?>
<R A="1" B='two'><Item>x</Item><Item/><Item></Item><One Encoded="true">a%00b</One><Empty a="v"/></R>`,
  "whitespace kept in leaves and between elements":
    "<R>\n  <Name>  spaced  </Name>\n  <Blank>   </Blank>\n</R>",
  "the five entities": `<R q="&quot;&lt;&apos;">a &amp; b &lt;c&gt; &unknown;</R>`,
  "comments, processing instructions and CDATA":
    "<R><!-- skip <me> --><?pi x?><T><![CDATA[<raw> &amp;]]> tail</T></R>",
  "text mixed with children and attributes": `<R k="v">head<C>1</C>mid<C>2</C>tail</R>`,
  "CRLF line ends read as LF": "<R>\r\n<T>a\r\nb\rc</T>\r\n</R>",
  "namespaced names and spaces inside tags": `<x:R  xmlns:x="urn:a" ><x:T >v</x:T ></x:R>`,
};

describe("readXmlTree", () => {
  for (const [name, xml] of Object.entries(documents)) {
    it(`builds fast-xml-parser's tree: ${name}`, () => {
      expect(readXmlTree(xml)).toStrictEqual(reference.parse(xml));
    });
  }

  it("builds fast-xml-parser's tree for generated documents", () => {
    const name = fc.constantFrom("A", "B", "Name", "x:C");
    const text = fc.string({ unit: fc.constantFrom("a", " ", "\n", "&amp;", "&lt;", "é", "1") });
    const element: fc.Memo<string> = fc.memo((depth) =>
      fc
        .tuple(
          name,
          fc.option(fc.tuple(fc.constantFrom("k", "Encoded"), text), { nil: undefined }),
          depth <= 1 ? fc.constant([] as string[]) : fc.array(element(depth - 1), { maxLength: 4 }),
          text,
        )
        .map(([tag, attribute, children, body]) => {
          const attr = attribute ? ` ${attribute[0]}="${attribute[1]}"` : "";
          return children.length === 0 && body === ""
            ? `<${tag}${attr}/>`
            : `<${tag}${attr}>${body}${children.join("")}</${tag}>`;
        }),
    );
    fc.assert(
      fc.property(element(3), (xml) => {
        expect(readXmlTree(`<Root>${xml}</Root>`)).toStrictEqual(reference.parse(`<Root>${xml}</Root>`));
      }),
      { numRuns: 300 },
    );
  });

  // Where the reader departs from fast-xml-parser 5.12, on purpose:
  it("decodes character references, as XML requires (fast-xml-parser left them as written)", () => {
    expect(readXmlTree(`<R q="&#x41;&#66;">&#233;&#x1F600; &#xZZ; &#1114112;</R>`)).toStrictEqual({
      R: { "#text": "é😀 &#xZZ; &#1114112;", $: { q: "AB" } },
    });
  });

  it("reads elements named like Object.prototype keys as data (fast-xml-parser threw)", () => {
    const tree = readXmlTree("<R><constructor>c</constructor><toString>t</toString><hasOwnProperty/></R>");
    expect(tree).toStrictEqual({ R: { constructor: "c", toString: "t", hasOwnProperty: "" } });
  });

  it("keeps an element named __proto__ as data, not as the prototype", () => {
    const tree = readXmlTree("<R><__proto__><polluted>yes</polluted></__proto__></R>") as { R: object };
    expect(Object.getPrototypeOf(tree.R)).toBe(Object.prototype);
    expect(Object.keys(tree.R)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("skips a DOCTYPE without expanding the entities it declares", () => {
    const xml = `<!DOCTYPE R [<!ENTITY big "boom">]><R>&big;</R>`;
    expect(readXmlTree(xml)).toEqual({ R: "&big;" });
  });

  it.each([
    ["a mismatched closing tag", "<R><A></B></R>", /closing tag <\/B> at offset 6 does not match <A>/],
    ["an unclosed element", "<R><A>x</A>", /ends inside <R>/],
    ["a stray closing tag", "</R>", /does not match no open element/],
    ["an unterminated comment", "<R><!-- x</R>", /a comment at offset 3 is not terminated/],
    ["an unquoted attribute", "<R a=1></R>", /attribute a of <R> .* is not quoted/],
    ["an attribute without a value", "<R checked></R>", /attribute checked of <R> .* has no value/],
    ["an unterminated start tag", "<R a='1'", /start tag <R> at offset 0 is not terminated/],
  ])("rejects %s, saying where", (_, xml, message) => {
    expect(() => readXmlTree(xml)).toThrowError(message);
  });
});
