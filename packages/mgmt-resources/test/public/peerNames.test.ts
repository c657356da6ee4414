import { ResourceManagementClient as PeerClient } from "@azure/arm-resources";
import { describe, expect, it } from "vitest";
import { ResourceManagementClient } from "../../src/index.js";
import { compareSurfaces } from "mgmt-test-support/peerSurface";

const credential = { getToken: async () => ({ token: "t", expiresOnTimestamp: Date.now() + 3_600_000 }) };

describe("names as @azure/arm-resources 7.0.0 has them", () => {
  it("has every operation group and method of the peer client", () => {
    const result = compareSurfaces(
      new ResourceManagementClient(credential, "sub"),
      new PeerClient(credential, "sub"),
    );
    console.log(
      `@azure/arm-resources 7.0.0: ${result.matched}/${result.peerMethods} peer methods present; extra: ${result.extra.join(", ") || "none"}; peer groups not generated: ${result.groupsNotGenerated.join(", ") || "none"}`,
    );
    expect(result.missing).toEqual([]);
    expect(result.groupsNotGenerated).toEqual([]);
  });
});
