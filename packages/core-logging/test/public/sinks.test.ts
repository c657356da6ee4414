import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createClientLogger,
  type LogRecord,
  resetLogSettings,
  setLogLevel,
  setLogSink,
} from "../../src/index.js";

describe("sinks", () => {
  beforeEach(() => resetLogSettings());
  afterEach(() => {
    resetLogSettings();
    vi.restoreAllMocks();
  });

  it("a custom sink receives structured records with fields", () => {
    const records: LogRecord[] = [];
    setLogSink((r) => records.push(r));
    setLogLevel("info");
    createClientLogger("core-http").info("retrying", { attempt: 2, statusCode: 503 });
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record).toMatchObject({
      level: "info",
      namespace: "azkit:core-http",
      message: "retrying",
      attempt: 2,
      statusCode: 503,
    });
    expect(record!.time).toBeInstanceOf(Date);
  });

  it("fields cannot overwrite the record's own keys", () => {
    const records: LogRecord[] = [];
    setLogSink((r) => records.push(r));
    setLogLevel("info");
    createClientLogger("core-http").info("real", { message: "fake", level: "error" });
    expect(records[0]).toMatchObject({ message: "real", level: "info" });
  });

  it("writes one line per record to stderr by default", () => {
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    setLogLevel("warning");
    createClientLogger("identity").warning("token expires soon", { scope: "arm" });
    expect(write).toHaveBeenCalledTimes(1);
    const line = String(write.mock.calls[0]![0]);
    expect(line).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z azkit:identity warning: token expires soon \{"scope":"arm"\}\n$/,
    );
  });

  it("a sink that throws does not break the caller", () => {
    setLogSink(() => {
      throw new Error("sink down");
    });
    setLogLevel("info");
    expect(() => createClientLogger("core-http").info("still fine")).not.toThrow();
  });
});
