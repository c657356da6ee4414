import { describe, expect, it } from "vitest";
import { corrupt, seededRandom } from "../argFuzz.mjs";

const args = () => ["rg", { location: "westus", properties: { sku: { name: "standard" }, size: 3 } }];

/** The value at `path` of `root`, or the marker when a key on the way is missing. */
function at(root, path) {
  return path.reduce(
    (node, key) => (node !== null && typeof node === "object" && key in node ? node[key] : at.missing),
    root,
  );
}
at.missing = Symbol("missing");

describe("corrupt", () => {
  it("is deterministic for a seed and changes exactly the spot it names", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const first = corrupt(seededRandom(seed), args());
      const again = corrupt(seededRandom(seed), args());
      // (A corruption may be a fresh function, so compare what it did, not object identity.)
      expect({ path: again.path, kind: again.kind, args: String(JSON.stringify(again.args)) }).toEqual({
        path: first.path,
        kind: first.kind,
        args: String(JSON.stringify(first.args)),
      });
      const original = args();
      if (first.kind === "unknownKey") {
        expect(at(original, first.path)).toBe(at.missing);
        expect(at(first.args, first.path)).toBe(1);
      } else {
        expect(at(first.args, first.path)).not.toEqual(at(original, first.path));
      }
    }
  });

  it("keeps the caller's arguments intact", () => {
    const original = args();
    const copy = structuredClone(original);
    corrupt(seededRandom(7), original);
    expect(original).toEqual(copy);
  });
});
