// Scenario 1: many small sequential operations on Azurite. Azurite caps ops/s for every client, so the
// CPU the client spends per op is the figure that tells the SDKs apart.
import { cpuPer, perSecond } from "../harness/metrics.mjs";
import { sdkSides, storageBlob } from "../harness/sdkSides.mjs";
import { drain, rawClient, serviceClient } from "./storageClients.mjs";

const container = "bench-small";
const sourceBlob = "small-1k";
const payload = Buffer.alloc(1024, 0x61);

/** Each op: how an SDK's BlockBlobClient does it, and the same request sent raw. */
const ops = {
  getProperties: {
    sdk: (blob) => blob.getProperties(),
    raw: (raw) => raw.getProperties(container, sourceBlob),
  },
  "upload 1 KiB": {
    target: (role) => `small-upload-${role}`,
    sdk: (blob) => blob.upload(payload, payload.length),
    raw: (raw) => raw.putBlob(container, "small-upload-limit", payload),
  },
  "download 1 KiB": {
    sdk: async (blob) => drain((await blob.download()).readableStreamBody),
    raw: (raw) => raw.getBlob(container, sourceBlob),
  },
};

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
      perSecond("ops/s", [{ vs: "peer", op: ">=", value: 1.0 }]),
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
        key: "limit",
        role: "limit",
        label: "raw undici",
        prepare: async (ctx) => rawClient(ctx, 1),
        run: (raw, ctx) => loop(ctx.sizes.smallOps, () => op.raw(raw)),
        cleanup: (raw) => raw.close(),
      },
    ],
  };
}

export const smallOpsScenarios = Object.entries(ops).map(([name, op]) => smallOpScenario(name, op));
