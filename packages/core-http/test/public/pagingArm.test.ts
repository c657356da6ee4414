import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ArmListResult, buildArmPagedAsyncIterator, getContinuationToken } from "../../src/index.js";

let server: Server;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  // An ARM-like list of 5 vaults, 2 per page; the second nextLink drops api-version like some services do.
  server = createServer((req, res) => {
    requests.push(req.url ?? "");
    const url = new URL(req.url ?? "/", "http://x");
    if (url.searchParams.get("api-version") !== "2023-07-01") {
      res.writeHead(400).end('{"error":{"code":"MissingApiVersionParameter"}}');
      return;
    }
    const skip = Number(url.searchParams.get("$skip") ?? 0);
    const value = ["v0", "v1", "v2", "v3", "v4"].slice(skip, skip + 2).map((name) => ({ name }));
    const version = skip === 0 ? "&api-version=2023-07-01" : "";
    const next = skip + 2 < 5 ? `${base}/vaults?$skip=${skip + 2}${version}` : undefined;
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(next ? { value, nextLink: next } : { value }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const fetchPage = async (link: string) =>
  (await (await fetch(link)).json()) as ArmListResult<{ name: string }>;

describe("buildArmPagedAsyncIterator", () => {
  it("follows nextLink to the last page and adds a missing api-version", async () => {
    requests.length = 0;
    const vaults = buildArmPagedAsyncIterator<{ name: string }>({
      firstPageLink: `${base}/vaults?api-version=2023-07-01`,
      apiVersion: "2023-07-01",
      fetchPage,
    });
    const names: string[] = [];
    for await (const vault of vaults) names.push(vault.name);
    expect(names).toEqual(["v0", "v1", "v2", "v3", "v4"]);
    expect(requests).toEqual([
      "/vaults?api-version=2023-07-01",
      "/vaults?$skip=2&api-version=2023-07-01",
      "/vaults?$skip=4&api-version=2023-07-01",
    ]);
  });

  it("resumes from a page's nextLink given as continuation token", async () => {
    const list = () =>
      buildArmPagedAsyncIterator<{ name: string }>({
        firstPageLink: `${base}/vaults?api-version=2023-07-01`,
        apiVersion: "2023-07-01",
        fetchPage,
      });
    const first = await list().byPage().next();
    const token = getContinuationToken(first.value);
    expect(token).toContain("$skip=2");
    const rest: string[] = [];
    for await (const page of list().byPage({ continuationToken: token })) {
      rest.push(...page.map((v) => v.name));
    }
    expect(rest).toEqual(["v2", "v3", "v4"]);
  });

  it("reads a page without value as empty", async () => {
    const list = buildArmPagedAsyncIterator<number>({ firstPageLink: "x", fetchPage: async () => ({}) });
    const pages: number[][] = [];
    for await (const page of list.byPage()) pages.push(page);
    expect(pages).toEqual([[]]);
  });
});
