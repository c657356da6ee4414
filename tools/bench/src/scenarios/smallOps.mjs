// Scenario 1: many small sequential operations on Azurite. Azurite caps ops/s for every client, so the
// CPU the client spends per op is the figure that tells the SDKs apart. Limits: the same requests with
// undici and with node:http (the better of the two is reported).
import { Agent } from "node:http";
import { cpuPer, perSecond } from "../harness/metrics.mjs";
import { sdkSides, storageBlob } from "../harness/sdkSides.mjs";
import { accountSas, storageVersion } from "../raw/accountSas.mjs";
import { sendNodeHttp } from "../raw/nodeHttpSend.mjs";
import { drain, rawClient, serviceClient } from "./storageClients.mjs";

const container = "bench-small";
const sourceBlob = "small-1k";
const payload = Buffer.alloc(1024, 0x61);

/** Each op: how an SDK's BlockBlobClient does it, and the same request sent raw. */
const ops = {
  getProperties: {
    sdk: (blob) => blob.getProperties(),
    raw: (raw) => raw.getProperties(container, sourceBlob),
    node: { method: "HEAD", blob: sourceBlob },
  },
  "upload 1 KiB": {
    target: (role) => `small-upload-${role}`,
    sdk: (blob) => blob.upload(payload, payload.length),
    raw: (raw) => raw.putBlob(container, "small-upload-limit", payload),
    node: {
      method: "PUT",
      blob: "small-upload-limit-node",
      headers: { "x-ms-blob-type": "BlockBlob", "content-length": String(payload.length) },
      body: payload,
    },
  },
  "download 1 KiB": {
    sdk: async (blob) => drain((await blob.download()).readableStreamBody),
    raw: (raw) => raw.getBlob(container, sourceBlob),
    node: { method: "GET", blob: sourceBlob },
  },
};

/** The same request with node:http: a keep-alive agent, an account SAS, the x-ms-version header. */
function nodeHttpOp(ctx, spec) {
  const { azurite } = ctx.env;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = `${azurite.blobEndpoint}/${container}/${spec.blob}?${accountSas(azurite.accountName, azurite.accountKey)}`;
  const headers = { "x-ms-version": storageVersion, ...spec.headers };
  const send = async () => {
    const res = await sendNodeHttp(agent, url, { method: spec.method, headers, body: spec.body });
    if (res.status >= 300) throw new Error(`raw node:http ${spec.method}: ${res.status}`);
  };
  return { agent, send };
}

async function loop(n, op) {
  for (let i = 0; i < n; i++) await op();
  return { count: n };
}

function smallOpScenario(name, op) {
  return {
    id: `small-${name.split(" ")[0]}`,
    title: `small ops: ${name}`,
    needs: ["azurite"],
    metrics: [
      perSecond("ops/s", [{ vs: "peer", op: ">=", value: 1.1 }]),
      cpuPer("op", [{ vs: "peer", op: "<=", value: 0.5 }]),
    ],
    async setup(ctx) {
      const raw = await rawClient(ctx);
      await raw.createContainer(container);
      await raw.putBlob(container, sourceBlob, payload);
      await raw.close();
      return {};
    },
    sides: [
      ...sdkSides(storageBlob, {
        prepare: async (sdk, ctx, role) =>
          serviceClient(sdk, ctx)
            .getContainerClient(container)
            .getBlockBlobClient(op.target?.(role) ?? sourceBlob),
        run: (blob, ctx) => loop(ctx.sizes.smallOps, () => op.sdk(blob)),
      }),
      {
        key: "limit-undici",
        role: "limit",
        label: "raw undici",
        prepare: async (ctx) => rawClient(ctx, 1),
        run: (raw, ctx) => loop(ctx.sizes.smallOps, () => op.raw(raw)),
        cleanup: (raw) => raw.close(),
      },
      {
        key: "limit-node-http",
        role: "limit",
        label: "raw node:http",
        prepare: async (ctx) => nodeHttpOp(ctx, op.node),
        run: ({ send }, ctx) => loop(ctx.sizes.smallOps, send),
        cleanup: async ({ agent }) => agent.destroy(),
      },
    ],
  };
}

export const smallOpsScenarios = Object.entries(ops).map(([name, op]) => smallOpScenario(name, op));
