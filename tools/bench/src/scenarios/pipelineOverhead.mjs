// Scenario 2: what the full default pipeline costs per request, against a trivial loopback server in
// another process (so only the client's CPU is counted): azkit vs @azure/core-rest-pipeline vs two
// raw clients (node:http keep-alive, undici); the faster raw client is the limit.
import { Agent } from "node:http";
import { requireExport } from "../harness/loadPackage.mjs";
import { cpuPer, perSecond } from "../harness/metrics.mjs";
import { sdkSides } from "../harness/sdkSides.mjs";
import { sendNodeHttp } from "../raw/nodeHttpSend.mjs";

async function loop(n, op) {
  for (let i = 0; i < n; i++) await op();
  return { count: n };
}

function expectOk(status) {
  if (status !== 200) throw new Error(`unexpected status ${status}`);
}

export const pipelineOverheadScenario = {
  id: "pipeline",
  title: "pipeline overhead: small GETs on loopback",
  needs: ["trivialServer"],
  metrics: [
    perSecond("req/s", [{ vs: "limit", op: ">=", value: 0.9 }]),
    cpuPer("request", [{ vs: "peer", op: "<=", value: 0.55 }]),
  ],
  sides: [
    ...sdkSides(
      { azkit: "@azkit/core-http", peer: "@azure/core-rest-pipeline" },
      {
        async prepare(sdk, ctx, role) {
          const name = role === "azkit" ? "@azkit/core-http" : "@azure/core-rest-pipeline";
          const createPipelineFromOptions = requireExport(sdk, name, "createPipelineFromOptions");
          const createDefaultHttpClient = requireExport(sdk, name, "createDefaultHttpClient");
          const createPipelineRequest = requireExport(sdk, name, "createPipelineRequest");
          const pipeline = createPipelineFromOptions({});
          const client = createDefaultHttpClient();
          const url = ctx.env.trivialServer.url;
          return async () => {
            const request = createPipelineRequest({ url, allowInsecureConnection: true });
            const response = await pipeline.sendRequest(client, request);
            expectOk(response.status);
          };
        },
        run: (send, ctx) => loop(ctx.sizes.pipelineRequests, send),
      },
    ),
    {
      key: "limit-node-http",
      role: "limit",
      label: "raw node:http",
      prepare: async (ctx) => {
        const agent = new Agent({ keepAlive: true, maxSockets: 1 });
        const url = ctx.env.trivialServer.url;
        return { agent, send: async () => expectOk((await sendNodeHttp(agent, url)).status) };
      },
      run: ({ send }, ctx) => loop(ctx.sizes.pipelineRequests, send),
      cleanup: async ({ agent }) => agent.destroy(),
    },
    {
      key: "limit-undici",
      role: "limit",
      label: "raw undici",
      prepare: async (ctx) => {
        const { Pool } = await import("undici");
        const pool = new Pool(ctx.env.trivialServer.url, { connections: 1 });
        return {
          pool,
          send: async () => {
            const res = await pool.request({ path: "/", method: "GET" });
            await res.body.text();
            expectOk(res.statusCode);
          },
        };
      },
      run: ({ send }, ctx) => loop(ctx.sizes.pipelineRequests, send),
      cleanup: ({ pool }) => pool.close(),
    },
  ],
};
