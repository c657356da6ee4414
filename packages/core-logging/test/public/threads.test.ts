import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  applyLogSettingsSnapshot,
  createClientLogger,
  emitLogRecord,
  getLogLevel,
  getLogSettingsGeneration,
  getLogSettingsSnapshot,
  type LogRecord,
  type LogSettingsSnapshot,
  resetLogSettings,
  setLogLevel,
  setLogSink,
} from "../../src/index.js";

describe("log settings across threads", () => {
  beforeEach(() => resetLogSettings());
  afterEach(() => {
    resetLogSettings();
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("getLogSettingsGeneration changes with every setting and stays put otherwise", () => {
    const before = getLogSettingsGeneration();
    expect(getLogSettingsGeneration()).toBe(before);
    setLogLevel("info", "storage-blob");
    const afterLevel = getLogSettingsGeneration();
    expect(afterLevel).not.toBe(before);
    setLogSink(() => {});
    expect(getLogSettingsGeneration()).not.toBe(afterLevel);
  });

  it("a snapshot is plain data that survives structuredClone, levels and patterns in order", () => {
    setLogLevel("warning");
    setLogLevel("verbose", "storage-blob");
    setLogLevel(undefined, "azkit:mgmt-*");
    const snapshot = structuredClone(getLogSettingsSnapshot());
    expect(snapshot).toEqual({
      level: "warning",
      rules: [
        { pattern: "azkit:storage-blob", level: "verbose" },
        { pattern: "azkit:mgmt-*", level: undefined },
      ],
    });
  });

  it("the snapshot includes what AZURE_LOG_LEVEL and AZKIT_LOG set", () => {
    vi.stubEnv("AZURE_LOG_LEVEL", "info");
    vi.stubEnv("AZKIT_LOG", "core-http");
    resetLogSettings();
    expect(getLogSettingsSnapshot()).toEqual({
      level: undefined,
      rules: [{ pattern: "azkit:core-http", level: "info" }],
    });
  });

  it("applying a snapshot reproduces the levels and makes cached loggers re-read them", () => {
    setLogLevel("error");
    setLogLevel("verbose", "azkit:mgmt-*");
    const snapshot = getLogSettingsSnapshot();
    resetLogSettings();
    const logger = createClientLogger("mgmt-web");
    expect(logger.verbose.enabled).toBe(false);
    applyLogSettingsSnapshot(snapshot);
    expect(logger.verbose.enabled).toBe(true);
    expect(getLogLevel("mgmt-keyvault")).toBe("verbose");
    expect(getLogLevel("storage-blob")).toBe("error");
  });

  it("applying a snapshot keeps the sink and does not read the environment again", () => {
    const records: LogRecord[] = [];
    setLogSink((record) => records.push(record));
    vi.stubEnv("AZURE_LOG_LEVEL", "verbose");
    applyLogSettingsSnapshot({ level: "warning", rules: [] });
    expect(getLogLevel()).toBe("warning");
    createClientLogger("core-http").warning("kept");
    expect(records.map((r) => r.message)).toEqual(["kept"]);
  });

  it("refuses a snapshot with an unknown level", () => {
    const bad = { level: "loud", rules: [] } as unknown as LogSettingsSnapshot;
    expect(() => applyLogSettingsSnapshot(bad)).toThrow(TypeError);
    const badRule = {
      level: undefined,
      rules: [{ pattern: "x", level: "loud" }],
    } as unknown as LogSettingsSnapshot;
    expect(() => applyLogSettingsSnapshot(badRule)).toThrow(/unknown log level/);
  });

  it("emitLogRecord delivers a record to the sink as it is, whatever the levels", () => {
    const records: LogRecord[] = [];
    setLogSink((record) => records.push(record));
    setLogLevel(undefined);
    const record: LogRecord = {
      time: new Date(5),
      level: "verbose",
      namespace: "azkit:elsewhere",
      message: "from a worker",
      attempt: 2,
    };
    emitLogRecord(record);
    expect(records).toEqual([record]);
  });

  it("emitLogRecord writes to stderr without a sink, and ignores a sink that throws", () => {
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    emitLogRecord({ time: new Date(0), level: "info", namespace: "azkit:x", message: "hello" });
    expect(write).toHaveBeenCalledWith("1970-01-01T00:00:00.000Z azkit:x info: hello\n");
    setLogSink(() => {
      throw new Error("broken sink");
    });
    expect(() =>
      emitLogRecord({ time: new Date(0), level: "info", namespace: "azkit:x", message: "again" }),
    ).not.toThrow();
  });
});
