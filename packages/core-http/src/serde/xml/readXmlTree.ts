import { ATTRIBUTES, TEXT } from "./xmlNames.js";

/**
 * @internal Reads an XML document into the node tree `toWire` walks: an element with neither
 * attributes nor child elements is its text (`""` when empty); otherwise an object of its children
 * by name (a repeated name becomes an array), its attributes under {@link ATTRIBUTES} and its
 * non-empty text under {@link TEXT}. It is the tree fast-xml-parser builds with `xmlNodeKeyOptions`,
 * `trimValues: false` and no value parsing (which parseXml used before; unlike it, character references
 * such as `&#233;` are decoded and `constructor` is a legal name), built in one pass over the text.
 * Why not a library: on a real 5,000-blob List Blobs page (test/bench/compareXmlParsers.mjs, one
 * process, README "Reading and writing XML") this builds the tree in 21-34 ms of CPU; the fastest
 * correct parsers on npm take 3.4-4.2x that (htmlparser2 12, saxes 6), the others 9-44x
 * (fast-xml-parser 18x), and txml and ltx read entities or CDATA wrongly.
 * Whitespace is kept, the five XML entities and character references are decoded, comments,
 * processing instructions and the DOCTYPE are skipped (entities it declares are never expanded),
 * CDATA is text as written, and `\r\n` reads as `\n` as XML requires.
 * @throws Error naming the offset for a document that is not well formed (unclosed or mismatched
 * elements, unterminated markup, unquoted attribute values)
 */
export function readXmlTree(xml: string): Record<string, unknown> {
  if (xml.indexOf("\r") >= 0) xml = xml.replace(/\r\n?/g, "\n");
  const root = newFrame("");
  const stack: Frame[] = [];
  let top = root;
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    const end = lt < 0 ? n : lt;
    if (end > i && top !== root) top.text += decodeEntities(xml.slice(i, end));
    if (lt < 0) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === SLASH) {
      const gt = indexOrFail(xml, ">", lt + 2, "a closing tag", lt);
      const name = xml.slice(lt + 2, gt).trimEnd();
      if (top === root || name !== top.name) {
        const open = top === root ? "no open element" : `<${top.name}>`;
        throw new Error(`the closing tag </${name}> at offset ${lt} does not match ${open}`);
      }
      const done = top;
      top = stack.pop()!;
      addChild(top, done.name, nodeOf(done));
      i = gt + 1;
    } else if (c === QUESTION) {
      i = indexOrFail(xml, "?>", lt + 2, "a processing instruction", lt) + 2;
    } else if (c === BANG) {
      if (xml.startsWith("!--", lt + 1)) {
        i = indexOrFail(xml, "-->", lt + 4, "a comment", lt) + 3;
      } else if (xml.startsWith("![CDATA[", lt + 1)) {
        const close = indexOrFail(xml, "]]>", lt + 9, "a CDATA section", lt);
        if (top !== root) top.text += xml.slice(lt + 9, close);
        i = close + 3;
      } else {
        i = skipDeclaration(xml, lt);
      }
    } else {
      const element = readStartTag(xml, lt, top);
      i = element.end;
      if (element.open) {
        stack.push(top);
        top = element;
      }
    }
  }
  if (stack.length > 0 || top !== root) {
    throw new Error(`the document ends inside <${top.name}>: it is not closed`);
  }
  return root.children ?? {};
}

interface Frame {
  readonly name: string;
  attributes: Record<string, string> | undefined;
  children: Record<string, unknown> | undefined;
  text: string;
  /** Whether the start tag left the element open (`<a>`, not `<a/>`). */
  open: boolean;
  /** The offset after the start tag. */
  end: number;
}

const SLASH = 47;
const QUESTION = 63;
const BANG = 33;
const GT = 62;
const EQUALS = 61;

function newFrame(name: string): Frame {
  return { name, attributes: undefined, children: undefined, text: "", open: false, end: 0 };
}

/** The offset of `token` from `from`, for the construct `what` that starts at `start`; throws when missing. */
function indexOrFail(xml: string, token: string, from: number, what: string, start: number): number {
  const at = xml.indexOf(token, from);
  if (at < 0) throw new Error(`${what} at offset ${start} is not terminated (no "${token}")`);
  return at;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** Reads `<name attr="v" ...>` or `<name .../>` at `lt`; an empty element is added to the parent at once. */
function readStartTag(xml: string, lt: number, parent: Frame): Frame {
  const n = xml.length;
  let i = lt + 1;
  while (i < n) {
    const c = xml.charCodeAt(i);
    if (c === GT || c === SLASH || isSpace(c)) break;
    i++;
  }
  const name = xml.slice(lt + 1, i);
  if (name === "") throw new Error(`a "<" at offset ${lt} does not start an element`);
  const frame = newFrame(name);
  for (;;) {
    while (i < n && isSpace(xml.charCodeAt(i))) i++;
    if (i >= n) throw new Error(`the start tag <${name}> at offset ${lt} is not terminated (no ">")`);
    const c = xml.charCodeAt(i);
    if (c === GT) {
      frame.open = true;
      frame.end = i + 1;
      return frame;
    }
    if (c === SLASH) {
      if (xml.charCodeAt(i + 1) !== GT)
        throw new Error(`a "/" at offset ${i} in <${name}> is not followed by ">"`);
      addChild(parent, name, nodeOf(frame));
      frame.end = i + 2;
      return frame;
    }
    const nameStart = i;
    while (i < n) {
      const d = xml.charCodeAt(i);
      if (d === EQUALS || d === GT || d === SLASH || isSpace(d)) break;
      i++;
    }
    const attribute = xml.slice(nameStart, i);
    while (i < n && isSpace(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== EQUALS) {
      throw new Error(`the attribute ${attribute} of <${name}> at offset ${nameStart} has no value`);
    }
    i++;
    while (i < n && isSpace(xml.charCodeAt(i))) i++;
    const quote = xml[i];
    if (quote !== '"' && quote !== "'") {
      throw new Error(`the value of the attribute ${attribute} of <${name}> at offset ${i} is not quoted`);
    }
    const close = indexOrFail(xml, quote, i + 1, `the value of the attribute ${attribute}`, i);
    frame.attributes ??= {};
    setKey(frame.attributes, attribute, decodeEntities(xml.slice(i + 1, close)));
    i = close + 1;
  }
}

/** Skips `<!DOCTYPE ...>` (with an internal subset in brackets) or another `<!...>` declaration. */
function skipDeclaration(xml: string, lt: number): number {
  let depth = 0;
  for (let i = lt + 2; i < xml.length; i++) {
    const c = xml[i];
    if (c === "[") depth++;
    else if (c === "]") depth--;
    else if (c === ">" && depth <= 0) return i + 1;
  }
  throw new Error(`the declaration at offset ${lt} is not terminated (no ">")`);
}

function nodeOf(frame: Frame): unknown {
  if (frame.attributes === undefined && frame.children === undefined) return frame.text;
  const node = frame.children ?? {};
  if (frame.text !== "") node[TEXT] = frame.text;
  if (frame.attributes !== undefined) node[ATTRIBUTES] = frame.attributes;
  return node;
}

function addChild(parent: Frame, name: string, value: unknown): void {
  parent.children ??= {};
  const children = parent.children;
  if (!Object.hasOwn(children, name)) {
    setKey(children, name, value);
    return;
  }
  const existing = children[name];
  if (Array.isArray(existing)) existing.push(value);
  else children[name] = [existing, value];
}

/** Sets an own key, including one named `__proto__`, which plain assignment would turn into a prototype. */
function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(
    ENTITY,
    (whole, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
      if (named !== undefined) return NAMED[named]!;
      const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(dec);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    },
  );
}
