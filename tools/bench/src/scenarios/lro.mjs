// Scenario 7: the long-running-operation path. A PUT answered 201 + Azure-AsyncOperation, polled
// (interval 0) until Succeeded, then the final GET; on a scripted loopback server in another process.
// azkit core-lro's createHttpPoller + createPipelineLro over the azkit pipeline vs @azure/core-lro's
// createHttpPoller over @azure/core-rest-pipeline; the limit sends the same 4 requests with node:http.
import { Agent } from "node:http";
import { loadPackage, requireExport } from "../harness/loadPackage.mjs";
import { cpuPer, perSecond } from "../harness/metrics.mjs";
import { sendNodeHttp } from "../raw/nodeHttpSend.mjs";

const body = JSON.stringify({ location: "westus", properties: {} });
const headers = { "content-type": "application/json" };

async function loop(n, operation) {
  for (let i = 0; i < n; i++) {
    const result = await operation(`r${i}`);
    if (result?.properties?.provisioningState !== "Succeeded") {
      throw new Error(`operation ended with ${JSON.stringify(result)}`);
    }
  }
  return { count: n };
}

async function pipelineParts(httpPackage) {
  const http = await loadPackage(httpPackage);
  const pick = (name) => requireExport(http, httpPackage, name);
  const pipeline = pick("createPipelineFromOptions")({});
  const client = pick("createDefaultHttpClient")();
  return { pipeline, client, createPipelineRequest: pick("createPipelineRequest") };
}

/** azkit: the RunningOperation comes from core-lro's own pipeline adapter. */
async function prepareAzkit(ctx) {
  const { pipeline, client, createPipelineRequest } = await pipelineParts("@azkit/core-http");
  const lroPackage = await loadPackage("@azkit/core-lro");
  const createHttpPoller = requireExport(lroPackage, "@azkit/core-lro", "createHttpPoller");
  const createPipelineLro = requireExport(lroPackage, "@azkit/core-lro", "createPipelineLro");
  const base = ctx.env.lroServer.url;
  return (id) => {
    const initialRequest = createPipelineRequest({
      url: `${base}/resources/${id}`,
      method: "PUT",
      body,
      allowInsecureConnection: true,
    });
    initialRequest.headers.set("content-type", "application/json");
    const lro = createPipelineLro({ sendRequest: (r) => pipeline.sendRequest(client, r), initialRequest });
    return createHttpPoller(lro, { intervalInMs: 0 }).pollUntilDone();
  };
}

/** peer: the RunningOperation is written the way @azure/* generated clients write it. */
async function preparePeer(ctx) {
  const { pipeline, client, createPipelineRequest } = await pipelineParts("@azure/core-rest-pipeline");
  const lroPackage = await loadPackage("@azure/core-lro");
  const createHttpPoller = requireExport(lroPackage, "@azure/core-lro", "createHttpPoller");
  const base = ctx.env.lroServer.url;
  const send = async (method, url) => {
    const request = createPipelineRequest({
      url,
      method,
      body: method === "PUT" ? body : undefined,
      allowInsecureConnection: true,
    });
    if (method === "PUT") request.headers.set("content-type", "application/json");
    const response = await pipeline.sendRequest(client, request);
    const parsed = response.bodyAsText ? JSON.parse(response.bodyAsText) : undefined;
    return {
      flatResponse: parsed,
      rawResponse: { statusCode: response.status, headers: response.headers.toJSON(), request, body: parsed },
    };
  };
  return (id) => {
    const url = `${base}/resources/${id}`;
    const lro = { sendInitialRequest: () => send("PUT", url), sendPollRequest: (path) => send("GET", path) };
    return createHttpPoller(lro, { intervalInMs: 0 }).pollUntilDone();
  };
}

async function sendJson(agent, method, url, payload) {
  const res = await sendNodeHttp(agent, url, { method, headers: payload ? headers : {}, body: payload });
  return { status: res.status, headers: res.headers, body: JSON.parse(res.text) };
}

/** limit: PUT, GET the status monitor until Succeeded, GET the resource; nothing else. */
function prepareRaw(ctx) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const base = ctx.env.lroServer.url;
  const operation = async (id) => {
    const url = `${base}/resources/${id}`;
    const created = await sendJson(agent, "PUT", url, body);
    const monitor = created.headers["azure-asyncoperation"];
    let status;
    do status = (await sendJson(agent, "GET", monitor)).body.status;
    while (status === "InProgress");
    return (await sendJson(agent, "GET", url)).body;
  };
  return { agent, operation };
}

export const lroScenario = {
  id: "lro",
  title: "LRO: PUT 201 + Azure-AsyncOperation, interval 0",
  needs: ["lroServer"],
  metrics: [perSecond("LROs/s"), cpuPer("LRO")],
  sides: [
    {
      key: "azkit",
      role: "azkit",
      label: "@azkit/core-lro",
      prepare: prepareAzkit,
      run: (op, ctx) => loop(ctx.sizes.lroOperations, op),
    },
    {
      key: "peer",
      role: "peer",
      label: "@azure/core-lro",
      prepare: preparePeer,
      run: (op, ctx) => loop(ctx.sizes.lroOperations, op),
    },
    {
      key: "limit",
      role: "limit",
      label: "raw node:http",
      prepare: async (ctx) => prepareRaw(ctx),
      run: ({ operation }, ctx) => loop(ctx.sizes.lroOperations, operation),
      cleanup: async ({ agent }) => agent.destroy(),
    },
  ],
};
