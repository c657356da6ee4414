import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createDefaultHttpClient,
  createPipelineRequest,
  type DefaultHttpClient,
  ServiceClient,
  type TokenCredential,
} from "@azkit/core-http";
import { type ArmEmulator, startArmEmulator } from "arm-emulator";

/** The ARM emulator over HTTPS, a transport trusting its certificate, and a management call to make. */
export interface EmulatorFixture {
  arm: ArmEmulator;
  /** Trusts the emulator's self-signed certificate (as a corporate root would be trusted). */
  httpClient: DefaultHttpClient;
  /** The emulator's CA as a file, for child processes (NODE_EXTRA_CA_CERTS). */
  caFile: string;
  /**
   * A management call with `credential`: creates resource group `name` and lists the groups through
   * core-http's ServiceClient (bearerTokenAuthenticationPolicy); returns the listed names.
   */
  createAndListGroups(credential: TokenCredential, name: string): Promise<string[]>;
  close(): Promise<void>;
}

export async function startEmulatorFixture(): Promise<EmulatorFixture> {
  const arm = await startArmEmulator({ https: true });
  const httpClient = createDefaultHttpClient({ tlsSettings: { ca: arm.ca! } });
  const dir = await mkdtemp(join(tmpdir(), "azkit-identity-ca-"));
  const caFile = join(dir, "ca.pem");
  await writeFile(caFile, arm.ca!);
  return {
    arm,
    httpClient,
    caFile,
    async createAndListGroups(credential, name) {
      const client = new ServiceClient({
        endpoint: arm.url,
        credential,
        credentialScopes: "https://management.azure.com/.default",
        httpClient,
        retryTotal: 0,
      });
      const groups = `/subscriptions/${arm.subscriptionId}/resourcegroups`;
      await client.sendRequest(
        createPipelineRequest({
          url: `${groups}/${name}?api-version=2021-04-01`,
          method: "PUT",
          headers: undefined,
          body: JSON.stringify({ location: "westus" }),
        }),
        {
          expectedStatuses: [200, 201],
          requestOptions: { customHeaders: { "content-type": "application/json" } },
        },
      );
      const list = await client.sendRequest(
        createPipelineRequest({ url: `${groups}?api-version=2021-04-01` }),
        {
          expectedStatuses: [200],
        },
      );
      return (JSON.parse(list.bodyAsText ?? "{}").value as Array<{ name: string }>).map((g) => g.name);
    },
    async close() {
      httpClient.close();
      await arm.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
