import { describe, expect, it } from "vitest";
import { main as turnOnLogging } from "../logging/turnOnLogging.js";
import { samples } from "../sampleList.js";

describe("samples", () => {
  it("logging/turnOnLogging shows exactly the records its levels allow", async () => {
    const records = await turnOnLogging();
    expect(records.map((r) => `${r.namespace} ${r.level}`)).toEqual([
      "azkit:storage-blob verbose",
      "azkit:identity warning",
    ]);
  });

  it("every sample in the list runs", async () => {
    for (const sample of samples) await sample.run();
  });
});
