// Errors, as the guide's exceptions section handles them: every failed call throws a typed error you
// can catch by class (or test with its isXxx() guard): ResourceNotFoundError (404),
// ResourceExistsError (409), ClientAuthenticationError (401/403), and their base HttpResponseError
// with the HTTP status, the service's own error code and a message naming the operation.
import {
  ClientAuthenticationError,
  HttpResponseError,
  ResourceExistsError,
  ResourceNotFoundError,
  type TokenCredential,
} from "@azkit/core-http";
import { AuthenticationError, ClientSecretCredential, DefaultAzureCredential } from "@azkit/identity";
import { ResourceManagementClient } from "@azkit/mgmt-resources";
import { BlobServiceClient } from "@azkit/storage-blob";
import { armEndpoint, storageAccountUrl, subscriptionId, uniqueName } from "../azureOrEmulator.js";

/** What each try/catch below caught: the class, the status and the service's code. */
export type Caught = { case: string; error: string; statusCode?: number; code?: string };

export async function main(): Promise<Caught[]> {
  const caught: Caught[] = [];
  const report = (name: string, error: unknown) => {
    const e = error as HttpResponseError;
    caught.push({ case: name, error: e.constructor.name, statusCode: e.statusCode, code: e.code });
    console.log(
      `  ${name}: ${e.constructor.name} ${e.statusCode ?? ""} ${e.code ?? ""}\n    ${e.message.split("\n")[0]}`,
    );
  };

  await using credential = new DefaultAzureCredential();
  // A credential whose tokens no service accepts.
  const badToken: TokenCredential = {
    getToken: async () => ({ token: "not-a-valid-token", expiresOnTimestamp: Date.now() + 3_600_000 }),
  };
  const service = new BlobServiceClient(storageAccountUrl(), credential);
  const container = service.getContainerClient(uniqueName("samples-errors-"));
  await container.create();
  try {
    // 404: the blob is not there.
    try {
      await container.getBlobClient("missing.txt").getProperties();
    } catch (error) {
      if (error instanceof ResourceNotFoundError) report("a blob that does not exist", error);
      else throw error;
    }

    // 409: the container is there already (createIfNotExists() would not throw).
    try {
      await container.create();
    } catch (error) {
      if (error instanceof ResourceExistsError) report("a container created twice", error);
      else throw error;
    }

    // 401/403: the service refuses the credential's token.
    try {
      await new BlobServiceClient(storageAccountUrl(), badToken)
        .getContainerClient(container.containerName)
        .getProperties();
    } catch (error) {
      if (error instanceof ClientAuthenticationError) report("a token the service refuses", error);
      else throw error;
    }

    // No token at all: the credential itself fails (a wrong secret), before any request to the service.
    await using wrongSecret = new ClientSecretCredential(
      process.env.AZURE_TENANT_ID ?? "organizations",
      process.env.AZURE_CLIENT_ID ?? "00000000-0000-0000-0000-000000000000",
      "not-the-secret",
    );
    try {
      await new BlobServiceClient(storageAccountUrl(), wrongSecret)
        .getContainerClient(container.containerName)
        .getProperties();
    } catch (error) {
      if (error instanceof AuthenticationError) report("a credential that cannot get a token", error);
      else throw error;
    }

    // Any other status: HttpResponseError (the base of the classes above) with status, code, message.
    try {
      await service.getContainerClient("Not_A_Valid_Name").create();
    } catch (error) {
      if (error instanceof HttpResponseError) report("an invalid container name", error);
      else throw error;
    }
  } finally {
    await container.delete();
  }

  // The same classes from Resource Manager (every azkit client maps statuses the same way).
  const arm = new ResourceManagementClient(credential, subscriptionId(), { endpoint: armEndpoint() });
  try {
    await arm.resourceGroups.get("azkit-sample-never-created");
  } catch (error) {
    if (error instanceof ResourceNotFoundError) report("a resource group that does not exist", error);
    else throw error;
  }
  try {
    await new ResourceManagementClient(badToken, subscriptionId(), {
      endpoint: armEndpoint(),
    }).resourceGroups.get("any");
  } catch (error) {
    if (error instanceof ClientAuthenticationError) report("a token Resource Manager refuses", error);
    else throw error;
  }
  try {
    const tooOld = new ResourceManagementClient(credential, subscriptionId(), {
      endpoint: armEndpoint(),
      apiVersion: "2000-01-01", // an api-version the service does not have
    });
    await tooOld.resourceGroups.get("any");
  } catch (error) {
    if (error instanceof HttpResponseError) report("an api-version Resource Manager does not know", error);
    else throw error;
  }
  return caught;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
