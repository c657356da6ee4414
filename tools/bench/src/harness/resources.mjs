// Servers the scenarios need, started on first use and shared by every scenario of the run. A
// scenario names them in `needs`; add a resource (e.g. the ARM emulator) with one entry below.
import { fileURLToPath } from "node:url";
import { startAzurite } from "./azurite.mjs";
import { startChild } from "./childServer.mjs";

const serverScript = (name) => fileURLToPath(new URL(`../servers/${name}`, import.meta.url));

async function startScriptServer(script) {
  const { match, stop } = await startChild([serverScript(script)], { ready: /LISTENING (\d+)/ });
  return { info: { url: `http://127.0.0.1:${match[1]}` }, stop };
}

/** @type {Record<string, () => Promise<{ info: Record<string, any>, stop: () => Promise<void> }>>} */
export const resourceStarters = {
  azurite: startAzurite,
  trivialServer: () => startScriptServer("trivialServer.mjs"),
  lroServer: () => startScriptServer("lroServer.mjs"),
  armEmulator: async () => {
    const { match, stop } = await startChild([serverScript("armEmulator.mjs")], {
      ready: /LISTENING (\{.*\})\n/,
    });
    return { info: JSON.parse(match[1]), stop };
  },
};

export class Resources {
  /** @type {Record<string, Record<string, any>>} JSON-safe connection info, passed to child processes */
  env = {};
  #stops = [];

  /** @param {string[]} names */
  async ensure(names) {
    for (const name of names) {
      if (this.env[name]) continue;
      const start = resourceStarters[name];
      if (!start) throw new Error(`unknown resource ${name}`);
      const { info, stop } = await start();
      this.env[name] = info;
      this.#stops.push(stop);
    }
  }

  async stopAll() {
    for (const stop of this.#stops.splice(0).reverse()) await stop().catch(() => {});
  }
}
