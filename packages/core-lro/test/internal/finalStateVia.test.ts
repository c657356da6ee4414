import { describe, expect, it } from "vitest";
import { type FinalStateInputs, finalResultSource } from "../../src/arm/finalStateVia.js";

const base = { requestUrl: "https://arm/r", locationUrl: "https://arm/loc" } as const;
const input = (extra: Partial<FinalStateInputs> & Pick<FinalStateInputs, "requestMethod" | "mode">) => ({
  ...base,
  ...extra,
});

describe("finalResultSource defaults per method", () => {
  it("PUT and PATCH: GET the original URI", () => {
    for (const requestMethod of ["PUT", "patch"]) {
      expect(finalResultSource(input({ requestMethod, mode: "azure-async-operation" }))).toEqual({
        kind: "get",
        url: "https://arm/r",
      });
    }
  });
  it("DELETE: nothing from a status monitor, the final response in Location mode", () => {
    expect(finalResultSource(input({ requestMethod: "DELETE", mode: "azure-async-operation" }))).toEqual({
      kind: "none",
    });
    expect(finalResultSource(input({ requestMethod: "DELETE", mode: "location" }))).toEqual({
      kind: "lastBody",
    });
  });
  it("POST: the Location result", () => {
    expect(finalResultSource(input({ requestMethod: "POST", mode: "azure-async-operation" }))).toEqual({
      kind: "get",
      url: "https://arm/loc",
    });
    expect(finalResultSource(input({ requestMethod: "POST", mode: "location" }))).toEqual({
      kind: "lastBody",
    });
    expect(
      finalResultSource({ requestMethod: "POST", requestUrl: "u", mode: "azure-async-operation" }),
    ).toEqual({ kind: "lastBody" });
  });
});

describe("finalResultSource with final-state-via", () => {
  it("each value picks its source", () => {
    const m = "azure-async-operation" as const;
    expect(
      finalResultSource(input({ requestMethod: "POST", mode: m, finalStateVia: "original-uri" })),
    ).toEqual({
      kind: "get",
      url: "https://arm/r",
    });
    expect(finalResultSource(input({ requestMethod: "PUT", mode: m, finalStateVia: "location" }))).toEqual({
      kind: "get",
      url: "https://arm/loc",
    });
    expect(
      finalResultSource(input({ requestMethod: "PUT", mode: m, finalStateVia: "azure-async-operation" })),
    ).toEqual({
      kind: "lastBody",
    });
    expect(
      finalResultSource(
        input({
          requestMethod: "POST",
          mode: "operation-location",
          finalStateVia: "operation-location",
          resourceLocation: "https://x",
        }),
      ),
    ).toEqual({ kind: "get", url: "https://x" });
  });
});
