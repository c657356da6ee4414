// Turn azkit logging on for one library, a group, or everything, and send records to your own sink.
// Run alone: `pnpm --filter samples exec tsx logging/turnOnLogging.ts`
import {
  createClientLogger,
  type LogRecord,
  resetLogSettings,
  setLogLevel,
  setLogSink,
} from "@azkit/core-logging";

export async function main(): Promise<LogRecord[]> {
  const records: LogRecord[] = [];
  // Your own sink: forward to pino/winston, or (here) collect and print compactly.
  setLogSink((record) => {
    records.push(record);
    console.log(`  [${record.level}] ${record.namespace}: ${record.message}`);
  });

  setLogLevel("warning"); // everything at warning and above
  setLogLevel("verbose", "storage-blob"); // one library in full
  setLogLevel(undefined, "azkit:mgmt-*"); // a whole group silent

  // What libraries do internally (shown here with loggers of our own):
  createClientLogger("storage-blob").verbose("PUT https://acct.blob.core.windows.net/c/b?sig=REDACTED");
  createClientLogger("identity").info("token acquired"); // below warning: dropped
  createClientLogger("identity").warning("token refresh failed, retrying");
  createClientLogger("mgmt-web").error("silenced by the group rule");

  resetLogSettings(); // back to the environment's settings (AZURE_LOG_LEVEL, AZKIT_LOG)
  return records;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
