// The options of the guide's common-arguments table, per client and per call: connectionTimeoutInMs,
// readTimeoutInMs, retryTotal (0 disables retries), retryMode. A call's options win over its client's,
// which win over the environment and the defaults. On the emulator, faults are armed so that each one
// shows: a 429 with Retry-After, 500s, a server that never answers. Azure cannot be asked to fail,
// so there the sample only makes a call with these options.
import { HttpResponseError } from "@azkit/core-http";
import { DefaultAzureCredential } from "@azkit/identity";
import { ResourceManagementClient } from "@azkit/mgmt-resources";
import { armEndpoint, injectArmFault, location, subscriptionId, uniqueName } from "../azureOrEmulator.js";

export async function main(): Promise<Record<string, number | string> | undefined> {
  await using credential = new DefaultAzureCredential();
  // Per client: every call of this client.
  const client = new ResourceManagementClient(credential, subscriptionId(), {
    endpoint: armEndpoint(),
    // To open the connection (TCP and TLS); it fires when a host drops connection attempts (a
    // firewall), which no local emulator can imitate, so this sample only sets it.
    connectionTimeoutInMs: 5_000,
    readTimeoutInMs: 10_000, // the longest silence while waiting for or reading a response
    retryTotal: 3, // retries after the first attempt; 0 disables them
    retryMode: "exponential", // backoff doubles each retry (with jitter); or "fixed"
    retryBackoffFactorInMs: 200,
  });
  const group = uniqueName("azkit-sample-options-rg-");
  await client.resourceGroups.createOrUpdate(group, { location: location() });
  const timed = async (call: () => Promise<unknown>) => {
    const started = performance.now();
    await call();
    return Math.round(performance.now() - started);
  };
  const onlyThisGroup = { methods: ["GET"], pathContains: `/resourcegroups/${group}` };
  try {
    // 1. Throttled: 429 with Retry-After: 1. The client waits what the service asked, then retries.
    if (!(await injectArmFault({ kind: "status", status: 429, retryAfterSeconds: 1, ...onlyThisGroup }))) {
      console.log(`  on Azure: ${(await client.resourceGroups.get(group)).name} read with the options above`);
      return undefined;
    }
    const throttledMs = await timed(() => client.resourceGroups.get(group));
    console.log(`  429 + Retry-After: 1 -> retried, succeeded after ${throttledMs} ms`);

    // 2. Per call, retryTotal: 0: the same 429 is thrown at once.
    await injectArmFault({ kind: "status", status: 429, retryAfterSeconds: 1, ...onlyThisGroup });
    let noRetryStatus = 0;
    const noRetryMs = await timed(() =>
      client.resourceGroups.get(group, { retryTotal: 0 }).catch((error: unknown) => {
        if (!(error instanceof HttpResponseError)) throw error;
        noRetryStatus = error.statusCode;
      }),
    );
    console.log(`  429 with retryTotal: 0 -> thrown at once: ${noRetryStatus} after ${noRetryMs} ms`);

    // 3. Three 500s (no Retry-After): backoff decides. Fixed waits 200 ms each time; exponential
    //    waits 100-200, 200-400, 400-800 ms.
    await injectArmFault({ kind: "status", status: 500, count: 3, ...onlyThisGroup });
    const fixedMs = await timed(() => client.resourceGroups.get(group, { retryMode: "fixed" }));
    await injectArmFault({ kind: "status", status: 500, count: 3, ...onlyThisGroup });
    const exponentialMs = await timed(() => client.resourceGroups.get(group));
    console.log(`  three 500s -> fixed backoff: ${fixedMs} ms, exponential: ${exponentialMs} ms`);

    // 4. A server that never answers: readTimeoutInMs (per call here) gives up on the attempt, and
    //    the retry (a GET is safe to repeat) succeeds.
    await injectArmFault({ kind: "hang", ...onlyThisGroup });
    const readTimeoutMs = await timed(() => client.resourceGroups.get(group, { readTimeoutInMs: 500 }));
    console.log(
      `  no answer, readTimeoutInMs: 500 -> timed out, retried, succeeded after ${readTimeoutMs} ms`,
    );
    await injectArmFault({ kind: "hang", ...onlyThisGroup });
    let readTimeoutError = "";
    await client.resourceGroups.get(group, { readTimeoutInMs: 500, retryTotal: 0 }).catch((error: Error) => {
      readTimeoutError = `${error.name} (${(error as { code?: string }).code})`;
    });
    console.log(`  the same with retryTotal: 0 -> ${readTimeoutError}`);
    return { throttledMs, noRetryStatus, noRetryMs, fixedMs, exponentialMs, readTimeoutMs, readTimeoutError };
  } finally {
    await client.resourceGroups.beginDeleteAndWait(group);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
