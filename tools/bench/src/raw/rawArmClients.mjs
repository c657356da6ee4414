// The floor of a management call: the same GET to the ARM emulator with no SDK, its JSON body parsed
// and nothing more (no model objects, no paging, no policies). Two raw clients, as in the small-op
// scenarios: undici's Client and node:https with a keep-alive agent; the table keeps the better one.
import { Agent, request } from "node:https";

/**
 * @typedef {{ url: string, ca: string, token: string }} Arm
 * @typedef {{ send: (path: string) => Promise<any>, close: () => Promise<void> }} RawArmClient
 */

/** @param {Arm} arm @returns {Promise<RawArmClient>} */
export async function undiciArmClient(arm) {
  const { Client } = await import("undici");
  const client = new Client(arm.url, { connect: { ca: arm.ca }, pipelining: 1 });
  const headers = { authorization: `Bearer ${arm.token}` };
  return {
    send: async (path) => {
      const res = await client.request({ path, method: "GET", headers });
      const text = await res.body.text();
      return parsed(res.statusCode, path, text);
    },
    close: () => client.close(),
  };
}

/** @param {Arm} arm @returns {Promise<RawArmClient>} */
export async function nodeHttpsArmClient(arm) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1, ca: arm.ca });
  const headers = { authorization: `Bearer ${arm.token}` };
  const base = new URL(arm.url);
  return {
    send: (path) =>
      new Promise((resolve, reject) => {
        const options = { host: base.hostname, port: base.port, path, agent, headers };
        const req = request(options, (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk) => {
            text += chunk;
          });
          res.on("end", () => {
            try {
              resolve(parsed(res.statusCode ?? 0, path, text));
            } catch (e) {
              reject(e);
            }
          });
          res.on("error", reject);
        });
        req.on("error", reject);
        req.end();
      }),
    close: async () => agent.destroy(),
  };
}

function parsed(status, path, text) {
  if (status !== 200) throw new Error(`raw GET ${path}: ${status} ${text.slice(0, 200)}`);
  return JSON.parse(text);
}
