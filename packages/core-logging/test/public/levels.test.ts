import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createClientLogger,
  getLogLevel,
  type LogRecord,
  resetLogSettings,
  setLogLevel,
  setLogSink,
} from "../../src/index.js";

function capture(): LogRecord[] {
  const records: LogRecord[] = [];
  setLogSink((record) => records.push(record));
  return records;
}

describe("setLogLevel", () => {
  beforeEach(() => {
    delete process.env.AZURE_LOG_LEVEL;
    delete process.env.AZKIT_LOG;
    resetLogSettings();
  });
  afterEach(() => resetLogSettings());

  it("is off by default: nothing reaches the sink", () => {
    const records = capture();
    createClientLogger("storage-blob").error("boom");
    expect(records).toEqual([]);
    expect(getLogLevel()).toBeUndefined();
  });

  it("enabling one library leaves the others silent", () => {
    const records = capture();
    setLogLevel("info", "storage-blob");
    createClientLogger("storage-blob").info("blob line");
    createClientLogger("mgmt-web").error("web line");
    expect(records.map((r) => r.message)).toEqual(["blob line"]);
    expect(records[0]!.namespace).toBe("azkit:storage-blob");
  });

  it("a glob enables a group of libraries", () => {
    const records = capture();
    setLogLevel("verbose", "azkit:mgmt-*");
    createClientLogger("mgmt-web").verbose("web");
    createClientLogger("mgmt-keyvault").verbose("kv");
    createClientLogger("storage-blob").error("blob");
    expect(records.map((r) => r.namespace)).toEqual(["azkit:mgmt-web", "azkit:mgmt-keyvault"]);
  });

  it("a level without a pattern applies to everything, and levels filter by severity", () => {
    const records = capture();
    setLogLevel("warning");
    const logger = createClientLogger("core-http");
    logger.verbose("v");
    logger.info("i");
    logger.warning("w");
    logger.error("e");
    expect(records.map((r) => r.level)).toEqual(["warning", "error"]);
  });

  it("the most recent matching pattern wins, and undefined silences a group", () => {
    const records = capture();
    setLogLevel("info");
    setLogLevel(undefined, "mgmt-*");
    createClientLogger("mgmt-web").error("silenced");
    createClientLogger("identity").info("kept");
    expect(records.map((r) => r.message)).toEqual(["kept"]);
    expect(getLogLevel("mgmt-web")).toBeUndefined();
    expect(getLogLevel("identity")).toBe("info");
  });

  it("a logger created before the level changed follows the change", () => {
    const records = capture();
    const logger = createClientLogger("storage-blob");
    logger.info("before");
    setLogLevel("info");
    logger.info("after");
    expect(records.map((r) => r.message)).toEqual(["after"]);
    expect(logger.info.enabled).toBe(true);
    expect(logger.verbose.enabled).toBe(false);
  });

  it("throws a TypeError naming the valid levels for an invalid level from code", () => {
    expect(() => setLogLevel("debug" as never)).toThrowError(TypeError);
    expect(() => setLogLevel("debug" as never)).toThrowError(/error, warning, info, verbose/);
  });

  it("does not build a disabled message", () => {
    capture();
    setLogLevel("info");
    let built = 0;
    createClientLogger("core-http").verbose(() => {
      built++;
      return "expensive";
    });
    expect(built).toBe(0);
  });

  it("a per-logger level and sink override the process settings (per client logging)", () => {
    const global = capture();
    const mine: LogRecord[] = [];
    const logger = createClientLogger("storage-blob", { level: "verbose", sink: (r) => mine.push(r) });
    logger.verbose("detail");
    expect(mine.map((r) => r.message)).toEqual(["detail"]);
    expect(global).toEqual([]);
  });
});
