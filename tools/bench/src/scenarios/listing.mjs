// Scenario 4: list every blob of a container flat (`for await` over listBlobsFlat), items/s. The
// limit pages through the same List Blobs responses raw and only counts entries (no XML parse).
import { cpuPer, perSecond } from "../harness/metrics.mjs";
import { sdkSides, storageBlob } from "../harness/sdkSides.mjs";
import { parallel } from "../raw/rawBlobClient.mjs";
import { rawClient, serviceClient } from "./storageClients.mjs";

const empty = Buffer.alloc(0);

export const listingScenario = {
  id: "list",
  title: "list blobs flat",
  needs: ["azurite"],
  metrics: [
    perSecond("items/s", [{ vs: "peer", op: ">=", value: 1.5 }]),
    cpuPer("item", [{ vs: "peer", op: "<=", value: 0.4 }], 1000),
  ],
  async setup(ctx) {
    const n = ctx.sizes.listBlobs;
    const container = `bench-list-${n}`;
    const raw = await rawClient(ctx, 8);
    try {
      await raw.createContainer(container);
      if ((await raw.countBlobs(container)) !== n) {
        await parallel(n, 8, (i) =>
          raw.putBlob(container, `dir${i % 10}/blob-${String(i).padStart(6, "0")}`, empty),
        );
      }
    } finally {
      await raw.close();
    }
    return { container };
  },
  sides: [
    ...sdkSides(storageBlob, {
      prepare: async (sdk, ctx) => serviceClient(sdk, ctx).getContainerClient(ctx.shared.container),
      run: async (containerClient, ctx) => {
        let count = 0;
        for await (const _ of containerClient.listBlobsFlat()) count++;
        if (count !== ctx.sizes.listBlobs) throw new Error(`listed ${count} of ${ctx.sizes.listBlobs} blobs`);
        return { count };
      },
    }),
    {
      key: "limit",
      role: "limit",
      label: "raw undici, no parse",
      prepare: (ctx) => rawClient(ctx, 1),
      run: async (raw, ctx) => ({ count: await raw.countBlobs(ctx.shared.container) }),
      cleanup: (raw) => raw.close(),
    },
  ],
};
