import { describe, expect, it } from "vitest";
import { isResourceExistsError, isResourceNotFoundError } from "@azkit/core-http";
import { ContainerClient } from "../../src/index.js";
import { azurite, serviceClient, uniqueName } from "../helpers/azurite.js";

describe("ContainerClient", () => {
  it("creates, reports existence, and deletes a container", async () => {
    const container = serviceClient().getContainerClient(uniqueName("life"));
    expect(await container.exists()).toBe(false);
    const created = await container.create({ metadata: { Team: "blue" } });
    expect(created.etag).toBeTruthy();
    expect(await container.exists()).toBe(true);
    const props = await container.getProperties();
    expect(props.metadata).toEqual({ team: "blue" });
    await container.delete();
    expect(await container.exists()).toBe(false);
  });

  it("throws ResourceExistsError with the service code on a second create; createIfNotExists reports it", async () => {
    const container = serviceClient().getContainerClient(uniqueName("dup"));
    await container.create();
    const error = await container.create().catch((e: unknown) => e);
    expect(isResourceExistsError(error)).toBe(true);
    expect((error as { code: string }).code).toBe("ContainerAlreadyExists");
    const again = await container.createIfNotExists();
    expect(again.succeeded).toBe(false);
    await container.delete();
  });

  it("deleteIfExists is false for a missing container; delete throws ResourceNotFoundError", async () => {
    const container = serviceClient().getContainerClient(uniqueName("gone"));
    expect((await container.deleteIfExists()).succeeded).toBe(false);
    const error = await container.delete().catch((e: unknown) => e);
    expect(isResourceNotFoundError(error)).toBe(true);
    expect((error as { code: string }).code).toBe("ContainerNotFound");
  });

  it("is built from a connection string and a container name", async () => {
    const name = uniqueName("cs");
    const container = new ContainerClient(azurite().connectionString, name);
    expect(container.containerName).toBe(name);
    expect(container.accountName).toBe("devstoreaccount1");
    await container.create();
    expect(await container.exists()).toBe(true);
    await container.delete();
  });
});
