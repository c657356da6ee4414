import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { webOperationId, webSchema, webSpec } from "../../src/webSchemas.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

describe("src/generated/webSpec.ts", () => {
  it("matches what the generator derives from the vendored App Service spec today", async () => {
    const { renderWebSpec } = (await import(resolve(root, "scripts/generateWebSpec.mjs"))) as {
      renderWebSpec: () => string;
    };
    expect(readFileSync(resolve(root, "src/generated/webSpec.ts"), "utf8")).toBe(renderWebSpec());
  });

  it("holds every operation of WebApps.json and AppServicePlans.json", () => {
    expect(webSpec().operations).toHaveLength(471);
    expect(
      webOperationId(
        "POST",
        "/subscriptions/s/resourceGroups/g/providers/Microsoft.Web/sites/a/config/appsettings/list",
      ),
    ).toBe("WebApps_ListApplicationSettings");
    // The most literal template wins over a parameterised one.
    expect(
      webOperationId("GET", "/subscriptions/s/resourceGroups/g/providers/Microsoft.Web/sites/a/config/web"),
    ).toBe("WebApps_GetConfiguration");
  });

  it("links the named schemas: Site carries SiteConfig, flattened bodies keep their properties", () => {
    const site = webSchema("Site");
    expect(site.required).toContain("location");
    const siteConfig = site.properties?.properties?.properties?.siteConfig;
    expect(siteConfig?.properties?.linuxFxVersion?.type).toBe("string");
    expect(webSchema("SiteConfigResource").properties?.properties).toBe(siteConfig);
    expect(webSchema("StringDictionary").properties?.properties?.additionalProperties?.type).toBe("string");
  });
});
