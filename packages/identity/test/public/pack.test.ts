import { describe, expect, it } from "vitest";
// @ts-expect-error a plain .mjs build tool without types
import { packInstallAndLoad } from "../../../../tools/build/packSmokeTest.mjs";

describe("the published package", () => {
  it("installs from its packed tarball outside the workspace and loads with require and import", () => {
    const { required, imported } = packInstallAndLoad(new URL("../..", import.meta.url).pathname);
    for (const loaded of [required, imported]) {
      expect(loaded["@azkit/identity"]).toContain("DefaultAzureCredential");
      expect(loaded["@azkit/identity"]).toContain("isCredentialUnavailableError");
      expect(loaded["@azkit/identity/sync"]).toContain("DefaultAzureCredential");
      expect(loaded["@azkit/identity/sync"]).toContain("CredentialUnavailableError");
    }
  }, 120_000);
});
