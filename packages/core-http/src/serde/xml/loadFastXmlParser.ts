import { createRequire } from "node:module";
import type * as FastXmlParser from "fast-xml-parser";

let loaded: typeof FastXmlParser | undefined;

/**
 * @internal fast-xml-parser, loaded on first XML use: importing \@azkit/core-http costs nothing for
 * clients that never touch XML, and the package's single-file CommonJS build loads in a few
 * milliseconds where its ESM module graph takes tens.
 */
export function loadFastXmlParser(): typeof FastXmlParser {
  loaded ??= createRequire(import.meta.url)("fast-xml-parser") as typeof FastXmlParser;
  return loaded;
}
