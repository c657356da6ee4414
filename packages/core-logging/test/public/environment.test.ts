import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createClientLogger,
  getLogLevel,
  type LogRecord,
  resetLogSettings,
  setLogSink,
} from "../../src/index.js";

describe("log settings from the environment", () => {
  beforeEach(() => {
    delete process.env.AZURE_LOG_LEVEL;
    delete process.env.AZKIT_LOG;
    resetLogSettings();
  });
  afterEach(() => {
    delete process.env.AZURE_LOG_LEVEL;
    delete process.env.AZKIT_LOG;
    resetLogSettings();
    vi.restoreAllMocks();
  });

  it("reads AZURE_LOG_LEVEL when logging is first needed, not at import", () => {
    process.env.AZURE_LOG_LEVEL = "info";
    expect(getLogLevel()).toBe("info");
    expect(getLogLevel("storage-blob")).toBe("info");
  });

  it("AZKIT_LOG scopes logging to the listed namespaces like DEBUG", () => {
    process.env.AZKIT_LOG = "azkit:storage-*,-azkit:storage-queue,mgmt-web=warning";
    const records: LogRecord[] = [];
    setLogSink((r) => records.push(r));
    createClientLogger("storage-blob").verbose("blob");
    createClientLogger("storage-queue").error("queue");
    createClientLogger("mgmt-web").info("web info");
    createClientLogger("mgmt-web").warning("web warning");
    createClientLogger("identity").error("identity");
    expect(records.map((r) => r.message)).toEqual(["blob", "web warning"]);
  });

  it("AZKIT_LOG entries without a level use AZURE_LOG_LEVEL", () => {
    process.env.AZURE_LOG_LEVEL = "warning";
    process.env.AZKIT_LOG = "identity";
    expect(getLogLevel("identity")).toBe("warning");
    expect(getLogLevel("storage-blob")).toBeUndefined();
  });

  it("an invalid AZURE_LOG_LEVEL prints one clear warning and is ignored", () => {
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
    process.env.AZURE_LOG_LEVEL = "loud";
    expect(getLogLevel()).toBeUndefined();
    expect(getLogLevel("storage-blob")).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/AZURE_LOG_LEVEL="loud".*error, warning, info, verbose/);
  });
});
