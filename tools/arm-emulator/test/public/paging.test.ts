import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ArmEmulator, startArmEmulator } from "../../src/index.js";
import { type ArmCaller, armCaller, RG_API } from "../helpers.js";

async function collect(c: ArmCaller, first: string): Promise<{ pages: number; names: string[] }> {
  const names: string[] = [];
  let next: string | undefined = first;
  let pages = 0;
  while (next) {
    const reply = await c.call("GET", next);
    expect(reply.status, reply.text).toBe(200);
    names.push(...reply.json.value.map((v: { name: string }) => v.name));
    next = reply.json.nextLink;
    pages++;
  }
  return { pages, names };
}

describe("lists", () => {
  let arm: ArmEmulator;
  let c: ArmCaller;
  const groups = ["g05", "g01", "g04", "g02", "g03"];
  beforeAll(async () => {
    arm = await startArmEmulator({ https: false, pageSize: 2 });
    c = await armCaller(arm);
    for (const [i, g] of groups.entries()) {
      await c.call("PUT", `${c.sub}/resourcegroups/${g}?${RG_API}`, {
        location: "westus",
        tags: { env: i % 2 ? "prod" : "dev" },
      });
    }
    await c.call("PUT", `${c.sub}/resourceGroups/g01/providers/Contoso.A/things/t1?api-version=2024-01-01`, {
      location: "westus",
      tags: { team: "x" },
    });
    await c.call("PUT", `${c.sub}/resourceGroups/g02/providers/Contoso.B/others/o1?api-version=2024-01-01`, {
      location: "westus",
    });
  });
  afterAll(() => arm.close());

  it("pages with nextLink in a stable order until the last page", async () => {
    const { pages, names } = await collect(c, `${c.sub}/resourcegroups?${RG_API}`);
    expect(pages).toBe(3);
    expect(names).toEqual(["g01", "g02", "g03", "g04", "g05"]);
  });

  it("nextLink points at the emulator and keeps the query", async () => {
    const first = await c.call("GET", `${c.sub}/resourcegroups?${RG_API}`);
    const next = new URL(first.json.nextLink);
    expect(next.origin).toBe(arm.url);
    expect(next.searchParams.get("api-version")).toBe("2025-04-01");
    expect(next.searchParams.get("$skiptoken")).toBeTruthy();
  });

  it("$top caps the first page", async () => {
    const reply = await c.call("GET", `${c.sub}/resourcegroups?${RG_API}&$top=1`);
    expect(reply.json.value).toHaveLength(1);
    expect(reply.json.nextLink).toBeDefined();
    expect(new URL(reply.json.nextLink).searchParams.has("$top")).toBe(false);
  });

  it("neither repeats nor skips items when one is added between pages", async () => {
    const first = await c.call("GET", `${c.sub}/resourcegroups?${RG_API}`);
    await c.call("PUT", `${c.sub}/resourcegroups/g00?${RG_API}`, { location: "westus" });
    const { names } = await collect(c, first.json.nextLink);
    expect([...first.json.value.map((g: { name: string }) => g.name), ...names]).toEqual([
      "g01",
      "g02",
      "g03",
      "g04",
      "g05",
    ]);
    await c.call("DELETE", `${c.sub}/resourcegroups/g00?${RG_API}`);
  });

  it("filters groups by tagName/tagValue", async () => {
    const filter = encodeURIComponent("tagName eq 'env' and tagValue eq 'prod'");
    const { names } = await collect(c, `${c.sub}/resourcegroups?${RG_API}&$filter=${filter}`);
    expect(names).toEqual(["g01", "g02"]);
  });

  it("filters generic resources by resourceType and by tag name", async () => {
    const byType = await collect(
      c,
      `${c.sub}/resources?${RG_API}&$filter=${encodeURIComponent("resourceType eq 'contoso.b/others'")}`,
    );
    expect(byType.names).toEqual(["o1"]);
    const byTag = await collect(
      c,
      `${c.sub}/resources?${RG_API}&$filter=${encodeURIComponent("tagName eq 'team'")}`,
    );
    expect(byTag.names).toEqual(["t1"]);
    const inGroup = await collect(c, `${c.sub}/resourceGroups/g02/resources?${RG_API}`);
    expect(inGroup.names).toEqual(["o1"]);
  });

  it("adds createdTime, changedTime and provisioningState with $expand", async () => {
    const reply = await c.call(
      "GET",
      `${c.sub}/resourceGroups/g02/resources?${RG_API}&$expand=createdTime,changedTime,provisioningState`,
    );
    expect(reply.json.value[0]).toMatchObject({
      createdTime: expect.any(String),
      changedTime: expect.any(String),
      provisioningState: "Succeeded",
    });
    const plain = await c.call("GET", `${c.sub}/resourceGroups/g02/resources?${RG_API}`);
    expect(plain.json.value[0].createdTime).toBeUndefined();
  });

  it("rejects an unknown $filter, a bad $top and a forged $skiptoken with 400", async () => {
    expect(
      (await c.call("GET", `${c.sub}/resources?${RG_API}&$filter=${encodeURIComponent("location eq 'x'")}`))
        .json.error.code,
    ).toBe("InvalidFilterInQueryString");
    expect((await c.call("GET", `${c.sub}/resourcegroups?${RG_API}&$top=0`)).status).toBe(400);
    expect((await c.call("GET", `${c.sub}/resourcegroups?${RG_API}&$skiptoken=garbage`)).status).toBe(400);
  });
});
