import { describe, expect, it } from "vitest";
import { readArmError, readProvisioningState, toStepStatus } from "../../src/arm/armStatus.js";

describe("toStepStatus", () => {
  it("maps the terminal states in any case", () => {
    expect(["Succeeded", "SUCCEEDED", "succeeded"].map(toStepStatus)).toEqual([
      "succeeded",
      "succeeded",
      "succeeded",
    ]);
    expect(["Failed", "failed"].map(toStepStatus)).toEqual(["failed", "failed"]);
    expect(["Canceled", "CANCELED", "Cancelled"].map(toStepStatus)).toEqual([
      "canceled",
      "canceled",
      "canceled",
    ]);
  });
  it("counts a missing state as succeeded and anything else as running", () => {
    expect([undefined, null, ""].map(toStepStatus)).toEqual(["succeeded", "succeeded", "succeeded"]);
    expect(["InProgress", "Creating", "Accepted", "Deleting"].map(toStepStatus)).toEqual([
      "running",
      "running",
      "running",
      "running",
    ]);
  });
});

describe("readProvisioningState / readArmError", () => {
  it("reads properties.provisioningState, then a top-level one", () => {
    expect(readProvisioningState({ properties: { provisioningState: "Creating" } })).toBe("Creating");
    expect(readProvisioningState({ provisioningState: "Updating" })).toBe("Updating");
    expect(readProvisioningState("text")).toBeUndefined();
  });
  it("reads error from the body or its properties", () => {
    expect(readArmError({ error: { code: "A" } })).toEqual({ code: "A" });
    expect(readArmError({ properties: { error: { code: "B" } } })).toEqual({ code: "B" });
    expect(readArmError({ error: "nope" })).toBeUndefined();
  });
});
