// Runs the whole bench with tiny sizes (seconds) and checks that it starts its servers, runs every
// scenario, and writes the table and the JSON with the expected rows. No timing is asserted.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const cli = fileURLToPath(new URL("../src/cli.mjs", import.meta.url));
const out = mkdtempSync(join(tmpdir(), "azkit-bench-smoke-"));
let stdout = "";

const expectedRows = [
  "small ops: getProperties: ops/s",
  "small ops: getProperties: CPU ms/op",
  "small ops: upload 1 KiB: ops/s",
  "small ops: download 1 KiB: CPU ms/op",
  "pipeline overhead: small GETs on loopback: req/s",
  "pipeline overhead: small GETs on loopback: CPU ms/request",
  "transfer uploadFile: MB/s",
  "transfer uploadData: client CPU s",
  "transfer downloadToFile: peak RSS MiB over bare node (excl. data buffer)",
  "transfer downloadToBuffer: MB/s",
  "list blobs flat: items/s",
  "cold start: import + client + first request ms",
  "LRO: PUT 201 + Azure-AsyncOperation, interval 0: LROs/s",
];

beforeAll(async () => {
  ({ stdout } = await promisify(execFile)(process.execPath, [cli, "--tiny", "--out", out], {
    maxBuffer: 16 * 1024 * 1024,
  }));
}, 180_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("bench --tiny", () => {
  it("prints the table it writes to latest.md", () => {
    const markdown = readFileSync(join(out, "latest.md"), "utf8");
    expect(stdout).toBe(markdown);
    expect(markdown).toContain("| scenario | azkit | peer | ratio | limit | azkit/limit |");
  });

  it("has a row for every scenario metric, with a number for the peer and the limit", () => {
    const rows = readFileSync(join(out, "latest.md"), "utf8")
      .split("\n")
      .filter((l) => l.startsWith("| ") && !l.startsWith("| scenario") && !l.startsWith("| ---"));
    for (const name of expectedRows) {
      const row = rows.find((l) => l.startsWith(`| ${name} `));
      expect(row, name).toBeDefined();
      const [, , peer, , limit] = row!.split(" | ");
      expect(peer, `${name} peer`).toMatch(/^[\d,.]+$/);
      expect(limit, `${name} limit`).toMatch(/^[\d,.]+ \(/);
    }
  });

  it("has the management rows with a number for azkit and the peer, and a raw limit for get and list", () => {
    const rows = readFileSync(join(out, "latest.md"), "utf8").split("\n");
    const row = (name: string) => {
      const line = rows.find((l) => l.startsWith(`| ${name} `));
      expect(line, name).toBeDefined();
      return line!.split(" | ");
    };
    for (const pkg of ["resources", "keyvault", "web"]) {
      const [, azkit, peer] = row(`mgmt ${pkg}: import + construct (fresh process): import + construct ms`);
      expect(azkit).toMatch(/^[\d,.]+$/);
      expect(peer).toMatch(/^[\d,.]+$/);
      for (const name of [`mgmt ${pkg}: get: get/s`, `mgmt ${pkg}: list (one page): CPU ms/list`]) {
        const [, azkit, peer, , limit] = row(name);
        expect(azkit, `${name} azkit`).toMatch(/^[\d,.]+$/);
        expect(peer, `${name} peer`).toMatch(/^[\d,.]+$/);
        expect(limit, `${name} limit`).toMatch(/^[\d,.]+ \(raw (undici|node:https) \+ JSON\.parse\)$/);
      }
    }
  });

  it("has the sync surface's per-call rows, async azkit in the peer column (no limit)", () => {
    const markdown = readFileSync(join(out, "latest.md"), "utf8");
    const row = markdown
      .split("\n")
      .find((l) => l.startsWith("| sync surface: getProperties, /sync vs the same async call: wall µs/op "));
    expect(row).toBeDefined();
    const [, azkit, peer] = row!.split(" | ");
    expect(azkit).toMatch(/^[\d,.]+$/);
    expect(peer).toMatch(/^[\d,.]+$/);
  });

  it("has sync uploadFile's throughput rows and the upload transfers' two raw clients", () => {
    const json = JSON.parse(readFileSync(join(out, "latest.json"), "utf8"));
    const syncUpload = json.scenarios.find((s: { id: string }) => s.id === "sync-uploadFile");
    expect(syncUpload.sides.azkit).toMatchObject({ label: "@azkit/storage-blob/sync", status: "ok" });
    expect(syncUpload.sides.peer).toMatchObject({ label: "@azkit/storage-blob (async)", status: "ok" });
    const uploadFile = json.scenarios.find((s: { id: string }) => s.id === "transfer-uploadFile");
    const limits = Object.values(
      uploadFile.sides as Record<string, { role: string; label: string; status: string }>,
    )
      .filter((side) => side.role === "limit")
      .map((side) => `${side.label}: ${side.status}`);
    expect(limits.sort()).toEqual(["raw node:http: ok", "raw undici: ok"]);
  });

  it("writes JSON with every round's measurements and the sides' status", () => {
    const json = JSON.parse(readFileSync(join(out, "latest.json"), "utf8"));
    expect(json.mode).toBe("tiny");
    const ids = json.scenarios.map((s: { id: string }) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "small-getProperties",
        "pipeline",
        "transfer-uploadFile",
        "list",
        "cold-start",
        "lro",
        "sync-getProperties",
        "sync-uploadFile",
      ]),
    );
    expect(json.skipped.map((s: { id: string }) => s.id)).toEqual([
      "footprint",
      "mgmt-footprint-resources",
      "mgmt-footprint-keyvault",
      "mgmt-footprint-web",
    ]);
    for (const scenario of json.scenarios) {
      expect(scenario.measurements.length, scenario.id).toBeGreaterThan(0);
      for (const side of Object.values(scenario.sides) as { status: string; reason?: string }[]) {
        // azkit packages may be mid-build ("n/a") but a failing side must say why
        if (side.status !== "ok") expect(side.reason).toBeTruthy();
      }
    }
  });
});
