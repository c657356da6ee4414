import { type LogRecord, resetLogSettings, setLogLevel, setLogSink } from "@azkit/core-logging";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { closeSyncBridge, createSyncClientClass } from "../../src/index.js";

interface AsyncLoggingFixtureClient {
  work(step: number): Promise<number>;
  enabled(): Promise<{ info: boolean; verbose: boolean }>;
  settingsGeneration(): Promise<number>;
  logOddFields(): Promise<void>;
  logAfterReturning(text: string): Promise<void>;
  readEnv(name: string): Promise<string | undefined>;
  writeEnv(name: string, value: string): Promise<void>;
}

const LoggingFixtureClient = createSyncClientClass<new () => AsyncLoggingFixtureClient>({
  moduleSpecifier: new URL("../fixtures/syncBridgeLoggingFixture.mjs", import.meta.url),
  exportName: "LoggingFixtureClient",
});

const namespace = "azkit:sync-logging-fixture";

afterAll(() => closeSyncBridge());

describe("sync bridge logging", () => {
  let records: LogRecord[];
  beforeEach(() => {
    resetLogSettings();
    records = [];
    setLogSink((record) => records.push(record));
  });
  afterEach(() => {
    resetLogSettings();
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("the worker logs at the level set for its library on this thread, into this thread's sink", () => {
    const client = new LoggingFixtureClient();
    setLogLevel("info", "sync-logging-fixture");
    expect(client.work(1)).toBe(1);
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record).toEqual({
      time: expect.any(Date),
      level: "info",
      namespace,
      message: "info 1",
      step: 1,
      when: new Date(7),
      tags: ["a", "b"],
    });
  });

  it("a level changed between calls applies from the next call", () => {
    const client = new LoggingFixtureClient();
    setLogLevel("info", "azkit:sync-logging-*");
    client.work(1);
    setLogLevel("verbose", "azkit:sync-logging-*");
    client.work(2);
    expect(records.map((r) => `${r.level} ${r.message}`)).toEqual([
      "info info 1",
      "info info 2",
      "verbose verbose 2",
    ]);
    setLogLevel(undefined, "azkit:sync-logging-*");
    client.work(3);
    expect(records).toHaveLength(3);
  });

  it("follows the level set for everything", () => {
    const client = new LoggingFixtureClient();
    setLogLevel("verbose");
    client.work(1);
    expect(records.map((r) => r.level)).toEqual(["info", "verbose"]);
  });

  it("with logging off, the worker's loggers are off: nothing is made, posted or delivered", () => {
    const client = new LoggingFixtureClient();
    setLogLevel("verbose");
    expect(client.enabled()).toEqual({ info: true, verbose: true });
    setLogLevel(undefined);
    expect(client.enabled()).toEqual({ info: false, verbose: false });
    client.work(1);
    expect(records).toEqual([]);
  });

  it("follows AZURE_LOG_LEVEL as read on this thread", () => {
    vi.stubEnv("AZURE_LOG_LEVEL", "info");
    resetLogSettings();
    setLogSink((record) => records.push(record));
    new LoggingFixtureClient().work(4);
    expect(records.map((r) => r.message)).toEqual(["info 4"]);
  });

  it("delivers to the default stderr sink when no sink is set", () => {
    setLogSink(undefined);
    setLogLevel("info", "sync-logging-fixture");
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    new LoggingFixtureClient().work(5);
    const lines = write.mock.calls.map(([chunk]) => String(chunk));
    expect(lines).toEqual([
      expect.stringMatching(
        /^\S+Z azkit:sync-logging-fixture info: info 5 \{"step":5,"when":"1970-01-01T00:00:00.007Z","tags":\["a","b"\]\}\n$/,
      ),
    ]);
  });

  it("delivers records the worker writes while no sync call runs, without waiting for a call", async () => {
    setLogLevel("info");
    const client = new LoggingFixtureClient();
    const arrived = new Promise<LogRecord>((resolve) => setLogSink(resolve));
    client.logAfterReturning("between calls");
    expect(await arrived).toMatchObject({ level: "info", namespace, message: "between calls" });
  });

  it("sends fields that cannot be copied as JSON sees them", () => {
    setLogLevel("info");
    new LoggingFixtureClient().logOddFields();
    expect(records).toEqual([
      { time: expect.any(Date), level: "info", namespace, message: "odd fields", big: "10", kept: "yes" },
    ]);
  });

  it("sends the settings with the first call after they changed, not with every call", () => {
    const client = new LoggingFixtureClient();
    setLogLevel("info");
    const applied = client.settingsGeneration();
    client.work(1);
    expect(client.settingsGeneration()).toBe(applied);
    setLogLevel("info");
    expect(client.settingsGeneration()).toBeGreaterThan(applied);
    expect(records.map((r) => r.message)).toEqual(["info 1"]);
  });
});

describe("sync bridge environment", () => {
  afterEach(() => {
    delete process.env.AZKIT_SYNC_BRIDGE_TEST_VAR;
  });

  it("a variable set on this thread after the worker started is seen by the worker", () => {
    const client = new LoggingFixtureClient();
    expect(client.readEnv("AZKIT_SYNC_BRIDGE_TEST_VAR")).toBeUndefined();
    process.env.AZKIT_SYNC_BRIDGE_TEST_VAR = "https://proxy.example:8080";
    expect(client.readEnv("AZKIT_SYNC_BRIDGE_TEST_VAR")).toBe("https://proxy.example:8080");
    delete process.env.AZKIT_SYNC_BRIDGE_TEST_VAR;
    expect(client.readEnv("AZKIT_SYNC_BRIDGE_TEST_VAR")).toBeUndefined();
  });

  it("a variable the worker sets is seen on this thread", () => {
    new LoggingFixtureClient().writeEnv("AZKIT_SYNC_BRIDGE_TEST_VAR", "from-worker");
    expect(process.env.AZKIT_SYNC_BRIDGE_TEST_VAR).toBe("from-worker");
  });
});
