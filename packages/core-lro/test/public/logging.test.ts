import { type LogRecord, resetLogSettings, setLogLevel, setLogSink } from "@azkit/core-logging";
import { afterEach, describe, expect, it } from "vitest";
import { createPoller } from "../../src/index.js";
import { done, running, scriptedStrategy } from "../helpers/scriptedStrategy.js";

afterEach(() => resetLogSettings());

describe("logging", () => {
  it("writes one verbose record per state under azkit:core-lro, and warns about a throwing callback", async () => {
    const records: LogRecord[] = [];
    setLogSink((record) => records.push(record));
    setLogLevel("verbose", "core-lro");
    const poller = createPoller({
      strategy: scriptedStrategy(running(30), [done("x")], "demo"),
      intervalInMs: 0,
    });
    poller.onProgress(() => {
      throw new Error("ui bug");
    });
    await poller;
    expect(records.map((r) => [r.namespace, r.level, r.message])).toEqual([
      ["azkit:core-lro", "verbose", "demo operation: running"],
      ["azkit:core-lro", "warning", "an onProgress callback threw; polling goes on"],
      ["azkit:core-lro", "verbose", "demo operation: succeeded"],
      ["azkit:core-lro", "warning", "an onProgress callback threw; polling goes on"],
    ]);
    expect(records[0]).toMatchObject({ percentComplete: 30 });
  });

  it("writes nothing when logging is off", async () => {
    const records: LogRecord[] = [];
    setLogSink((record) => records.push(record));
    setLogLevel(undefined, "core-lro"); // whatever AZURE_LOG_LEVEL says
    await createPoller({ strategy: scriptedStrategy(running(), [done("x")]), intervalInMs: 0 });
    expect(records).toEqual([]);
  });
});
