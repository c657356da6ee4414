import { randomUUID } from "node:crypto";
import type { Lease, LeaseOperationOptions } from "../models/blobModels.js";
import { conditionHeaders } from "../requests/conditionHeaders.js";
import { entityResponse, headerNumber } from "../models/responseHeaders.js";
import type { BlobClient } from "./blobClient.js";
import type { ContainerClient } from "./containerClient.js";
import { sendBlobRequest } from "../requests/sendBlobRequest.js";
import { checkOptionsOnEntry } from "./operationOptions.js";

/**
 * Leases on a container or blob: acquire, renew, change, release and break.
 *
 * @remarks A lease gives one writer exclusive write/delete access; other writers must pass the
 * `leaseId` in `conditions`. Get one with `getBlobLeaseClient()` on a blob or container client.
 * @example
 * ```ts
 * const lease = blobClient.getBlobLeaseClient();
 * await lease.acquireLease(30);
 * await blockBlobClient.upload("x", 1, { conditions: { leaseId: lease.leaseId } });
 * await lease.releaseLease();
 * ```
 * @public
 */
export class BlobLeaseClient {
  readonly #client: ContainerClient | BlobClient;
  readonly #isContainer: boolean;
  #leaseId: string;

  /**
   * A lease client for a container or blob.
   * @param client - the container or blob client to lease.
   * @param leaseId - the lease id to propose or use; a random UUID when omitted.
   */
  constructor(client: ContainerClient | BlobClient, leaseId?: string) {
    this.#client = client;
    this.#isContainer = !("name" in client);
    this.#leaseId = leaseId ?? randomUUID();
  }

  /** The current lease id (updated by `acquireLease` and `changeLease`). */
  public get leaseId(): string {
    return this.#leaseId;
  }

  /** The URL of the leased container or blob. */
  public get url(): string {
    return this.#client.url;
  }

  private async lease(
    action: string,
    headers: Record<string, string | undefined>,
    expected: number,
    options: LeaseOperationOptions,
  ): Promise<Lease> {
    const res = await sendBlobRequest(
      this.#client,
      {
        operationName: `${this.#isContainer ? "Container" : "Blob"}.${action}Lease`,
        method: "PUT",
        query: { comp: "lease", restype: this.#isContainer ? "container" : undefined },
        // The action's own lease id comes last: the conditions' (absent) one must not replace it.
        headers: { "x-ms-lease-action": action, ...conditionHeaders(options.conditions), ...headers },
        expectedStatuses: [expected],
      },
      options,
    );
    const leaseId = res.headers.get("x-ms-lease-id");
    return {
      ...entityResponse(res.headers),
      leaseId,
      leaseTime: headerNumber(res.headers, "x-ms-lease-time"),
    };
  }

  /**
   * Acquires the lease for `duration` seconds (15 to 60) or -1 for infinite.
   * @example
   * ```ts
   * await leaseClient.acquireLease(-1);
   * ```
   */
  public async acquireLease(duration: number, options: LeaseOperationOptions = {}): Promise<Lease> {
    const result = await this.lease(
      "acquire",
      { "x-ms-lease-duration": String(duration), "x-ms-proposed-lease-id": this.#leaseId },
      201,
      options,
    );
    if (result.leaseId) this.#leaseId = result.leaseId;
    return result;
  }

  /** Changes the active lease's id to `proposedLeaseId`. */
  public async changeLease(proposedLeaseId: string, options: LeaseOperationOptions = {}): Promise<Lease> {
    const result = await this.lease(
      "change",
      { "x-ms-lease-id": this.#leaseId, "x-ms-proposed-lease-id": proposedLeaseId },
      200,
      options,
    );
    this.#leaseId = result.leaseId ?? proposedLeaseId;
    return result;
  }

  /** Releases the lease so others can write or lease. */
  public async releaseLease(options: LeaseOperationOptions = {}): Promise<Lease> {
    return this.lease("release", { "x-ms-lease-id": this.#leaseId }, 200, options);
  }

  /** Renews the lease for another duration. */
  public async renewLease(options: LeaseOperationOptions = {}): Promise<Lease> {
    return this.lease("renew", { "x-ms-lease-id": this.#leaseId }, 200, options);
  }

  /** Breaks the lease after `breakPeriod` seconds (0 = now); `leaseTime` tells when it ends. */
  public async breakLease(breakPeriod: number, options: LeaseOperationOptions = {}): Promise<Lease> {
    return this.lease("break", { "x-ms-lease-break-period": String(breakPeriod) }, 202, options);
  }
}

checkOptionsOnEntry(BlobLeaseClient, "BlobLeaseClient", {
  acquireLease: { at: 1, names: ["conditions"] },
  changeLease: { at: 1, names: ["conditions"] },
  releaseLease: { at: 0, names: ["conditions"] },
  renewLease: { at: 0, names: ["conditions"] },
  breakLease: { at: 1, names: ["conditions"] },
});
