// Loads swagger files and resolves `$ref`s across them. Every node keeps the file it came from, so a
// relative `$ref` inside a definition of another file resolves against that file (common-types,
// CommonDefinitions.json).
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

/**
 * @typedef {{ file: string, pointer: string, name: string, node: any }} Resolved
 */

export class SpecSet {
  /** @param {string[]} files absolute paths of the swagger files whose operations are generated */
  constructor(files) {
    /** @type {Map<string, any>} */
    this.docs = new Map();
    this.roots = files.map((f) => resolve(f));
    for (const f of this.roots) this.load(f);
  }

  /** @param {string} file */
  load(file) {
    let doc = this.docs.get(file);
    if (!doc) {
      doc = JSON.parse(readFileSync(file, "utf8"));
      this.docs.set(file, doc);
    }
    return doc;
  }

  /**
   * Resolves `ref` (as written in `fromFile`) to its node.
   * @param {string} ref
   * @param {string} fromFile
   * @returns {Resolved}
   */
  resolve(ref, fromFile) {
    const [filePart, pointer = ""] = ref.split("#");
    const file = filePart ? resolve(dirname(fromFile), filePart) : fromFile;
    let node = this.load(file);
    const segments = pointer
      .split("/")
      .filter(Boolean)
      .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
    for (const segment of segments) {
      node = node?.[segment];
      if (node === undefined) throw new Error(`codegen: cannot resolve ${ref} from ${fromFile}`);
    }
    return { file, pointer, name: segments[segments.length - 1] ?? "", node };
  }

  /**
   * Follows `$ref`s until a node without one.
   * @param {any} node
   * @param {string} file
   * @returns {{ node: any, file: string, name?: string, pointer?: string }}
   */
  deref(node, file) {
    let current = { node, file };
    let guard = 0;
    while (current.node && typeof current.node.$ref === "string") {
      if (++guard > 50) throw new Error(`codegen: $ref cycle at ${current.node.$ref}`);
      current = this.resolve(current.node.$ref, current.file);
    }
    return current;
  }
}
