import { isResourceModifiedError } from "@azkit/core-http";
import { describe, expect, it } from "vitest";
import type { ContainerClient } from "../../src/index.js";
import { containerPerFile, serviceClient, uniqueName } from "../helpers/azurite.js";

let container: ContainerClient;
containerPerFile("lease", (c) => {
  container = c;
});

describe("BlobLeaseClient on a blob", () => {
  it("acquires a lease that writers must name, then releases it", async () => {
    const blob = container.getBlockBlobClient("leased");
    await blob.upload("v1", 2);
    const lease = blob.getBlobLeaseClient();
    const acquired = await lease.acquireLease(30);
    expect(acquired.leaseId).toBe(lease.leaseId);
    expect((await blob.getProperties()).leaseState).toBe("leased");

    const denied = await blob.upload("v2", 2).catch((e: unknown) => e);
    expect((denied as { statusCode: number }).statusCode).toBe(412);
    expect((denied as { code: string }).code).toBe("LeaseIdMissing");
    expect(isResourceModifiedError(denied)).toBe(true);

    await blob.upload("v2", 2, { conditions: { leaseId: lease.leaseId } });
    await lease.renewLease();
    await lease.releaseLease();
    expect((await blob.getProperties()).leaseState).toBe("available");
    await blob.upload("v3", 2);
  });

  it("changes the lease id and breaks the lease", async () => {
    const blob = container.getBlockBlobClient("changed");
    await blob.upload("x", 1);
    const lease = blob.getBlobLeaseClient("11111111-1111-1111-1111-111111111111");
    await lease.acquireLease(-1);
    expect((await blob.getProperties()).leaseDuration).toBe("infinite");
    await lease.changeLease("22222222-2222-2222-2222-222222222222");
    expect(lease.leaseId).toBe("22222222-2222-2222-2222-222222222222");
    const broken = await lease.breakLease(0);
    expect(broken.leaseTime).toBe(0);
    expect((await blob.getProperties()).leaseState).toBe("broken");
  });

  it("renews and releases with ETag conditions, still naming the lease", async () => {
    const blob = container.getBlockBlobClient("conditional");
    const { etag } = await blob.upload("x", 1);
    const lease = blob.getBlobLeaseClient();
    await lease.acquireLease(15, { conditions: { ifMatch: etag } });
    await lease.renewLease({ conditions: { ifMatch: etag } });
    await lease.releaseLease({ conditions: { ifMatch: etag } });
    expect((await blob.getProperties()).leaseState).toBe("available");
    const stale = await blob
      .getBlobLeaseClient()
      .acquireLease(15, { conditions: { ifMatch: '"0x0"' } })
      .catch((e: unknown) => e);
    expect(isResourceModifiedError(stale)).toBe(true);
  });

  it("rejects a wrong lease id with ResourceModifiedError", async () => {
    const blob = container.getBlockBlobClient("wrong");
    await blob.upload("x", 1);
    await blob.getBlobLeaseClient().acquireLease(15);
    const error = await blob
      .delete({ conditions: { leaseId: "33333333-3333-3333-3333-333333333333" } })
      .catch((e: unknown) => e);
    expect((error as { statusCode: number }).statusCode).toBe(412);
  });
});

describe("BlobLeaseClient on a container", () => {
  it("guards container deletion until the lease is named", async () => {
    const c = serviceClient().getContainerClient(uniqueName("lc"));
    await c.create();
    const lease = c.getBlobLeaseClient();
    await lease.acquireLease(20);
    expect((await c.getProperties()).leaseState).toBe("leased");
    const denied = await c.delete().catch((e: unknown) => e);
    expect((denied as { statusCode: number }).statusCode).toBe(412);
    await c.delete({ conditions: { leaseId: lease.leaseId } });
    expect(await c.exists()).toBe(false);
  });
});
