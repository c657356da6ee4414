// The samples read AZURE_* variables and trust the emulators' certificate through NODE_EXTRA_CA_CERTS,
// which Node reads only at startup: so the emulators start here, in vitest's main process, before the
// test workers (which inherit this environment) are forked. Running them outside the workers also lets
// the sync samples block a worker's thread while the emulators answer.
import { startEmbeddedEmulators } from "../embeddedEmulators.js";

export default async function setup(): Promise<() => Promise<void>> {
  const emulators = await startEmbeddedEmulators();
  const saved = { ...process.env };
  Object.assign(process.env, emulators.env);
  return async () => {
    for (const name of Object.keys(emulators.env)) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    await emulators.stop();
  };
}
