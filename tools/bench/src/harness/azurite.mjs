// The real storage emulator for the bench, started through the repo's one launcher
// (tools/azurite-runner: azurite 3.35.0, strict, in memory, blob only, a free loopback port).
// The bench's scenarios name the endpoint `blobEndpoint`.
import { startAzurite as startSharedAzurite } from "azurite-runner";

export async function startAzurite() {
  const { info, stop } = await startSharedAzurite();
  return { info: { ...info, blobEndpoint: info.blobUrl }, stop };
}
