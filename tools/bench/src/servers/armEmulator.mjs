// tools/arm-emulator over HTTPS in its own process (so the client CPU the bench reports is the
// client's alone), long-running operations done after one poll with no Retry-After wait. Prints
// `LISTENING <json>` with what the clients need, including a token minted by the emulator: the
// scenarios give both SDKs the same static credential, so no side pays for a token request.
import { startArmEmulator } from "arm-emulator";

const arm = await startArmEmulator({ https: true, lro: { polls: 1, retryAfterSeconds: 0 } });
const info = {
  url: arm.url,
  subscriptionId: arm.subscriptionId,
  tenantId: arm.tenantId,
  ca: arm.ca,
  token: arm.issueToken(),
};
const stop = () => void arm.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.stdout.write(`LISTENING ${JSON.stringify(info)}\n`);
