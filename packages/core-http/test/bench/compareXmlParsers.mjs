// Ad-hoc comparison (not a test): readXmlTree against the well-kept XML parsers on npm, side by side
// in one process, on one List Blobs page. For each parser:
// - "parse": the parser's own output (its DOM, or its events with empty handlers);
// - "tree": readXmlTree's node tree built from it (what parseXml's toWire walks), the fair figure
//   for replacing readXmlTree;
// - installed size (the package and its dependencies, as npm installs them);
// - agreement with readXmlTree (whose tree test/internal/readXmlTree.test.ts checks against
//   fast-xml-parser) on documents with entities, character references, CDATA and attributes.
//
// Run after `pnpm --filter @azkit/core-http build` (it installs the candidates with npm into a
// temporary folder, or reuses --candidates <dir>):
//   node --expose-gc test/bench/compareXmlParsers.mjs --page <List Blobs XML file> [--rounds 15]
// Without --page it uses a generated page of the shape Azurite 3.35 returns for 5,000 blobs.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import ts from "typescript";

const { values: args } = parseArgs({
  options: {
    page: { type: "string" },
    rounds: { type: "string", default: "15" },
    candidates: { type: "string" },
  },
});
const rounds = Number(args.rounds);

const versions = {
  "fast-xml-parser": "5.12.1",
  txml: "6.0.3",
  "@rgrove/parse-xml": "5.0.0",
  saxes: "6.0.0",
  htmlparser2: "12.0.0",
  sax: "1.6.1",
  ltx: "3.1.2",
  "@xmldom/xmldom": "0.9.12",
};

// --- the candidates, installed where npm would put them for a user ---------------------------------
const candidatesDir = args.candidates ?? mkdtempSync(join(tmpdir(), "xml-candidates-"));
if (!existsSync(join(candidatesDir, "node_modules"))) {
  writeFileSync(
    join(candidatesDir, "package.json"),
    JSON.stringify({ name: "xml-candidates", private: true }),
  );
  const specs = Object.entries(versions).map(([name, version]) => `${name}@${version}`);
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", ...specs], {
    cwd: candidatesDir,
    stdio: "inherit",
  });
}
const requireCandidate = createRequire(join(candidatesDir, "package.json"));
const importCandidate = (name) =>
  import(pathToFileURL(requireCandidate.resolve(name)).href).catch(() => requireCandidate(name));

function treeBytes(dir) {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) bytes += treeBytes(path);
    else if (entry.isFile()) bytes += statSync(path).size;
  }
  return bytes;
}
/** MB of the package and every package it depends on (transitively), as installed. */
function installedMegabytes(name) {
  const seen = new Set();
  let bytes = 0;
  const visit = (pkgName) => {
    if (seen.has(pkgName)) return;
    seen.add(pkgName);
    const dir = join(candidatesDir, "node_modules", pkgName);
    bytes += treeBytes(dir);
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep);
  };
  visit(name);
  return { megabytes: bytes / 1e6, packages: seen.size };
}

// --- readXmlTree, compiled from this package's source ----------------------------------------------
const here = resolve(import.meta.dirname, "../../src/serde/xml");
const compiled = mkdtempSync(join(tmpdir(), "read-xml-tree-"));
for (const file of ["readXmlTree", "xmlNames"]) {
  const source = readFileSync(join(here, `${file}.ts`), "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
  });
  writeFileSync(join(compiled, `${file}.js`), outputText.replace(/from "\.\.\/[^"]*"/g, '"unused"'));
}
writeFileSync(join(compiled, "package.json"), '{"type":"module"}');
const { readXmlTree } = await import(pathToFileURL(join(compiled, "readXmlTree.js")).href);

// --- building readXmlTree's tree from events (the SAX parsers) and from DOMs ----------------------
/** Collects readXmlTree's node tree from open/text/close events. */
function treeBuilder() {
  const root = { name: "", attributes: undefined, children: undefined, text: "" };
  const stack = [root];
  const addChild = (parent, name, value) => {
    parent.children ??= {};
    const existing = parent.children[name];
    if (existing === undefined && !Object.hasOwn(parent.children, name)) parent.children[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else parent.children[name] = [existing, value];
  };
  const nodeOf = (frame) => {
    if (frame.attributes === undefined && frame.children === undefined) return frame.text;
    const node = frame.children ?? {};
    if (frame.text !== "") node["#text"] = frame.text;
    if (frame.attributes !== undefined) node.$ = frame.attributes;
    return node;
  };
  return {
    open(name, attributes) {
      const hasAttributes = attributes && Object.keys(attributes).length > 0;
      stack.push({
        name,
        attributes: hasAttributes ? { ...attributes } : undefined,
        children: undefined,
        text: "",
      });
    },
    text(text) {
      if (stack.length > 1) stack[stack.length - 1].text += text;
    },
    close() {
      const frame = stack.pop();
      addChild(stack[stack.length - 1], frame.name, nodeOf(frame));
    },
    result: () => root.children ?? {},
  };
}

const CRLF = /\r\n?/g;
const candidates = [];
const add = (name, version, parse, tree) => candidates.push({ name, version, parse, tree });

add("readXmlTree (core-http)", "-", readXmlTree, readXmlTree);

{
  const { XMLParser } = requireCandidate("fast-xml-parser");
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributesGroupName: "$",
    attributeNamePrefix: "",
    textNodeName: "#text",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    htmlEntities: false,
  });
  add(
    "fast-xml-parser (parseXml's former options)",
    versions["fast-xml-parser"],
    (x) => parser.parse(x),
    (x) => parser.parse(x),
  );
}

{
  const txml = await importCandidate("txml");
  const parse = txml.parse ?? txml.default?.parse;
  const options = { keepWhitespace: true, keepComments: false };
  const toTree = (nodes, b) => {
    for (const node of nodes) {
      if (typeof node === "string") b.text(node);
      else if (node.tagName[0] !== "?" && node.tagName[0] !== "!") {
        b.open(node.tagName, node.attributes);
        toTree(node.children, b);
        b.close();
      }
    }
  };
  add(
    "txml",
    versions.txml,
    (x) => parse(x, options),
    (x) => {
      const b = treeBuilder();
      toTree(parse(x.replace(CRLF, "\n"), options), b);
      return b.result();
    },
  );
}

{
  const { parseXml } = await importCandidate("@rgrove/parse-xml");
  const toTree = (nodes, b) => {
    for (const node of nodes) {
      if (node.type === "element") {
        b.open(node.name, node.attributes);
        toTree(node.children, b);
        b.close();
      } else if (node.type === "text" || node.type === "cdata") b.text(node.text);
    }
  };
  add(
    "@rgrove/parse-xml",
    versions["@rgrove/parse-xml"],
    (x) => parseXml(x),
    (x) => {
      const b = treeBuilder();
      toTree(parseXml(x, { preserveCdata: true }).children, b);
      return b.result();
    },
  );
}

{
  const { SaxesParser } = requireCandidate("saxes");
  const run = (x, b) => {
    const parser = new SaxesParser();
    if (b) {
      parser.on("opentag", (tag) => b.open(tag.name, tag.attributes));
      parser.on("text", b.text);
      parser.on("cdata", b.text);
      parser.on("closetag", b.close);
    } else {
      parser.on("opentag", () => {});
      parser.on("text", () => {});
      parser.on("closetag", () => {});
    }
    parser.write(x).close();
  };
  add(
    "saxes",
    versions.saxes,
    (x) => run(x),
    (x) => {
      const b = treeBuilder();
      run(x, b);
      return b.result();
    },
  );
}

{
  const { Parser } = await importCandidate("htmlparser2");
  const run = (x, b) => {
    const handlers = b
      ? { onopentag: b.open, ontext: b.text, onclosetag: b.close }
      : { onopentag() {}, ontext() {}, onclosetag() {} };
    const parser = new Parser(handlers, { xmlMode: true, decodeEntities: true, recognizeCDATA: true });
    parser.end(x);
  };
  add(
    "htmlparser2 (xmlMode)",
    versions.htmlparser2,
    (x) => run(x),
    (x) => {
      const b = treeBuilder();
      run(x.replace(CRLF, "\n"), b);
      return b.result();
    },
  );
}

{
  const sax = requireCandidate("sax");
  const run = (x, b) => {
    const parser = sax.parser(true, {});
    if (b) {
      parser.onopentag = (tag) => b.open(tag.name, tag.attributes);
      parser.ontext = b.text;
      parser.oncdata = b.text;
      parser.onclosetag = b.close;
    } else {
      parser.onopentag = () => {};
      parser.ontext = () => {};
      parser.onclosetag = () => {};
    }
    parser.write(x).close();
  };
  add(
    "sax (strict)",
    versions.sax,
    (x) => run(x),
    (x) => {
      const b = treeBuilder();
      run(x.replace(CRLF, "\n"), b);
      return b.result();
    },
  );
}

{
  const ltx = await importCandidate("ltx");
  const parse = ltx.parse ?? ltx.default?.parse;
  const toTree = (element, b) => {
    b.open(element.name, element.attrs);
    for (const child of element.children) {
      if (typeof child === "string") b.text(child);
      else toTree(child, b);
    }
    b.close();
  };
  add(
    "ltx",
    versions.ltx,
    (x) => parse(x),
    (x) => {
      const b = treeBuilder();
      toTree(parse(x.replace(CRLF, "\n")), b);
      return b.result();
    },
  );
}

{
  const { DOMParser } = requireCandidate("@xmldom/xmldom");
  const toTree = (element, b) => {
    const attributes = {};
    for (let i = 0; i < element.attributes.length; i++) {
      const a = element.attributes.item(i);
      attributes[a.name] = a.value;
    }
    b.open(element.tagName, attributes);
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1) toTree(child, b);
      else if (child.nodeType === 3 || child.nodeType === 4) b.text(child.data);
    }
    b.close();
  };
  const parser = new DOMParser();
  add(
    "@xmldom/xmldom",
    versions["@xmldom/xmldom"],
    (x) => parser.parseFromString(x, "text/xml"),
    (x) => {
      const b = treeBuilder();
      toTree(parser.parseFromString(x, "text/xml").documentElement, b);
      return b.result();
    },
  );
}

// --- the page --------------------------------------------------------------------------------------
function generatedPage() {
  const blob = (i) =>
    `<Blob><Name>dir${i % 10}/blob-${String(i).padStart(6, "0")}</Name><Properties>` +
    "<Creation-Time>Thu, 03 Dec 2026 14:09:00 GMT</Creation-Time><Last-Modified>Thu, 03 Dec 2026 14:09:00 GMT</Last-Modified>" +
    `<Etag>0x23990EA645BC${String(i).padStart(3, "0")}</Etag><Content-Length>0</Content-Length>` +
    "<Content-Type>application/octet-stream</Content-Type><Content-MD5>1B2M2Y8AsgTpgAmY7PhCfg==</Content-MD5>" +
    "<BlobType>BlockBlob</BlobType><LeaseStatus>unlocked</LeaseStatus><LeaseState>available</LeaseState>" +
    "<ServerEncrypted>true</ServerEncrypted><AccessTier>Hot</AccessTier><AccessTierInferred>true</AccessTierInferred>" +
    "<AccessTierChangeTime>Thu, 03 Dec 2026 14:09:00 GMT</AccessTierChangeTime></Properties></Blob>";
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><EnumerationResults ServiceEndpoint="http://127.0.0.1:10000/devstoreaccount1" ContainerName="bench"><Prefix/><Marker/><MaxResults>5000</MaxResults><Blobs>' +
    Array.from({ length: 5000 }, (_, i) => blob(i)).join("") +
    "</Blobs><NextMarker/></EnumerationResults>"
  );
}
const page = args.page ? readFileSync(args.page, "utf8") : generatedPage();

// --- correctness -----------------------------------------------------------------------------------
const documents = {
  "five entities in text and attributes": `<R q="&quot;&lt;&apos;&gt;&amp;">a &amp; b &lt;c&gt; &quot;d&apos;</R>`,
  "character references": "<R a='&#233;'>caf&#233; &#x1F600; &#38;amp;</R>",
  CDATA: "<R><T><![CDATA[<raw> &amp; ]]]]></T><U>x<![CDATA[y]]>z</U></R>",
  "attributes, single quotes, repeated and empty elements": `<R A="1" B='two'><I>x</I><I/><I></I><E a="v"/></R>`,
  "whitespace kept": "<R>\n  <Name>  spaced  </Name>\n  <Blank>   </Blank>\n</R>",
  "CRLF read as LF": "<R>\r\n<T>a\r\nb</T>\r\n</R>",
  "declaration, comment, processing instruction": `<?xml version="1.0"?><!-- c --><R><?pi x?><T>v</T></R>`,
  "the page's first 2 blobs": `${page.slice(0, page.indexOf("</Blob>", page.indexOf("</Blob>") + 1) + 7)}</Blobs></EnumerationResults>`,
};

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const stable = (value) =>
  JSON.stringify(value, (_, v) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v,
  );

// --- timing ----------------------------------------------------------------------------------------
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
function time(fn) {
  for (let i = 0; i < 2; i++) fn(page);
  const wall = [];
  const cpu = [];
  for (let i = 0; i < rounds; i++) {
    globalThis.gc?.();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn(page);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

const expected = readXmlTree(page);
const rows = [];
for (const c of candidates) {
  const disagree = [];
  for (const [name, xml] of Object.entries(documents)) {
    let got;
    try {
      got = c.tree(xml);
    } catch (error) {
      got = `threw ${error.message.split("\n")[0]}`;
    }
    if (stable(got) !== stable(readXmlTree(xml))) disagree.push(name);
  }
  let pageOk;
  try {
    pageOk = same(stable(c.tree(page)), stable(expected));
  } catch {
    pageOk = false;
  }
  const parse = time(c.parse);
  const tree = time(c.tree);
  const size = c.version === "-" ? { megabytes: 0, packages: 0 } : installedMegabytes(c.name.split(" ")[0]);
  rows.push({ c, parse, tree, size, disagree, pageOk });
  console.error(`measured ${c.name}`);
}

const base = rows[0].tree.cpu;
console.log(
  `\nList Blobs page: ${(page.length / 1e6).toFixed(2)} MB, ${(page.match(/<Blob>/g) ?? []).length} blobs; median of ${rounds} rounds, Node ${process.versions.node}\n`,
);
console.log(
  "| parser | version | parse ms (wall / CPU) | tree ms (wall / CPU) | tree CPU vs readXmlTree | installed MB (packages) | page tree same | differs from readXmlTree on |",
);
console.log("| --- | --- | ---: | ---: | ---: | ---: | --- | --- |");
for (const { c, parse, tree, size, disagree, pageOk } of rows) {
  console.log(
    `| ${c.name} | ${c.version} | ${parse.wall.toFixed(1)} / ${parse.cpu.toFixed(1)} | ${tree.wall.toFixed(1)} / ${tree.cpu.toFixed(1)} | ${(tree.cpu / base).toFixed(2)}x | ${size.megabytes.toFixed(2)} (${size.packages}) | ${pageOk ? "yes" : "NO"} | ${disagree.join("; ") || "-"} |`,
  );
}
