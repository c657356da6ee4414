// The management samples read AZURE_* variables and trust the ARM emulator's CA through
// NODE_EXTRA_CA_CERTS, which Node reads only at startup: so the emulator starts here, in vitest's main
// process, before the test workers (which inherit this environment) are forked. Running it outside the
// workers also lets the sync sample block a worker's thread while the emulator answers.
import { startEmbeddedArm } from "../embeddedEmulators.js";

export default async function setup(): Promise<() => Promise<void>> {
  const arm = await startEmbeddedArm();
  const saved = { ...process.env };
  Object.assign(process.env, arm.env, { NODE_EXTRA_CA_CERTS: arm.caFile });
  return async () => {
    for (const name of [...Object.keys(arm.env), "NODE_EXTRA_CA_CERTS"]) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    await arm.stop();
  };
}
