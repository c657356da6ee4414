import type { PipelineLike } from "../pipeline/pipeline.js";
import type { PagedAsyncIterableIterator, PageSettings } from "@azkit/core-http";
import { appendToUrlPath, encodeContainerName, parseBlobUrl } from "../blobUrl.js";
import { parseConnectionString } from "../connectionString.js";
import { StorageSharedKeyCredential } from "../credentials/storageSharedKeyCredential.js";
import type {
  ContainerCreateOptions,
  ContainerCreateResponse,
  ContainerDeleteMethodOptions,
  ContainerDeleteResponse,
  ServiceListContainersOptions,
} from "../models/containerModels.js";
import type {
  ContainerItem,
  FilterBlobItem,
  ServiceFindBlobByTagsSegmentResponse,
  ServiceListContainersSegmentResponse,
} from "../models/listModels.js";
import { type CommonResponse, commonResponse, headerBoolean } from "../models/responseHeaders.js";
import type { BlobServiceProperties } from "../models/serviceProperties.js";
import type {
  ServiceFindBlobByTagsOptions,
  ServiceGenerateAccountSasUrlOptions,
  ServiceGetAccountInfoOptions,
  ServiceGetAccountInfoResponse,
  ServiceGetPropertiesResponse,
  ServiceGetUserDelegationKeyOptions,
  ServicePropertiesOptions,
} from "../models/serviceModels.js";
import type { StoragePipelineOptions } from "../models/storagePipelineOptions.js";
import type { UserDelegationKey } from "../models/userDelegationKey.js";
import { AccountSASPermissions } from "../sas/accountSASPermissions.js";
import type { AccountSASResourceTypes } from "../sas/accountSASResourceTypes.js";
import { generateAccountSASQueryParameters } from "../sas/accountSASSignatureValues.js";
import { sharedKeyOf } from "../sas/sharedKeyOf.js";
import { findBlobsByTagsPages } from "../requests/findBlobsByTagsPages.js";
import { listPages } from "../requests/listPages.js";
import { readUserDelegationKey, writeKeyInfo } from "../xml/blobXml.js";
import { readServiceProperties, writeServiceProperties } from "../xml/serviceXml.js";
import { readListContainers } from "../xml/listXml.js";
import { BlobBatchClient } from "./blobBatchClient.js";
import { ContainerClient } from "./containerClient.js";
import { derivedClient, resolveClient } from "./clientConstruction.js";
import { setContextOf, type StorageCredential } from "./storageContext.js";
import { sendBlobRequest } from "../requests/sendBlobRequest.js";
import { checkOptionsOnEntry } from "./operationOptions.js";
import { showRedactedInInspect } from "./redactedInspect.js";

/**
 * The Blob service of a storage account: containers, account information, finding blobs by
 * tags, user delegation keys and account SAS URLs.
 *
 * @remarks The entry point: build it once per account and derive container and blob clients from
 * it; they share its connections and credential.
 * @example
 * ```ts
 * const service = BlobServiceClient.fromConnectionString(process.env.AZURE_STORAGE_CONNECTION_STRING!);
 * const container = service.getContainerClient("photos");
 * for await (const c of service.listContainers({ includeMetadata: true })) console.log(c.name, c.metadata);
 * ```
 * @public
 */
export class BlobServiceClient {
  /** The service URL, e.g. `https://acct.blob.core.windows.net`. */
  public readonly url: string;
  /** The storage account name. */
  public readonly accountName: string;
  /** The credential requests are signed with. */
  public readonly credential: StorageCredential;

  /**
   * A client for the Blob service at `url`.
   * @param url - the account's blob endpoint, optionally with an account SAS.
   * @param credential - Shared Key, a `TokenCredential`, or `AnonymousCredential` (default).
   * @param options - pipeline options.
   */
  constructor(url: string, credential?: StorageCredential, options?: StoragePipelineOptions);
  /**
   * A client on a {@link Pipeline} from `newPipeline(credential, options)` (the older construction style).
   * @param url - the URL, optionally with a SAS.
   * @param pipeline - the credential, options and extra request policies to use.
   */
  constructor(url: string, pipeline: PipelineLike);
  constructor(url: string, credential?: StorageCredential | PipelineLike, options?: StoragePipelineOptions) {
    const resolved = resolveClient(url, credential, [], options);
    this.url = resolved.url;
    setContextOf(this, resolved.context);
    this.credential = resolved.context.credential;
    this.accountName = parseBlobUrl(`${this.url.split("?")[0]!.replace(/\/$/, "")}/x`).accountName;
  }

  /**
   * A client from a connection string: account key, SAS, or `UseDevelopmentStorage=true` (Azurite).
   * @example
   * ```ts
   * const service = BlobServiceClient.fromConnectionString("UseDevelopmentStorage=true");
   * ```
   */
  public static fromConnectionString(
    connectionString: string,
    options?: StoragePipelineOptions,
  ): BlobServiceClient {
    const parsed = parseConnectionString(connectionString);
    if (parsed.kind === "SASConnString") {
      return new BlobServiceClient(`${parsed.url}?${parsed.accountSas}`, undefined, options);
    }
    return new BlobServiceClient(
      parsed.url,
      new StorageSharedKeyCredential(parsed.accountName, parsed.accountKey),
      options,
    );
  }

  /** A client for a container of this account. */
  public getContainerClient(containerName: string): ContainerClient {
    return derivedClient(
      ContainerClient,
      appendToUrlPath(this.url, encodeContainerName(containerName)),
      this,
    );
  }

  /** A client for batches of deletes and tier changes across this account. */
  public getBlobBatchClient(): BlobBatchClient {
    return derivedClient(BlobBatchClient, this.url, this);
  }

  /**
   * Creates a container and returns its client.
   * @example
   * ```ts
   * const { containerClient } = await service.createContainer("photos");
   * ```
   */
  public async createContainer(
    containerName: string,
    options: ContainerCreateOptions = {},
  ): Promise<{ containerClient: ContainerClient; containerCreateResponse: ContainerCreateResponse }> {
    const containerClient = this.getContainerClient(containerName);
    const containerCreateResponse = await containerClient.create(options);
    return { containerClient, containerCreateResponse };
  }

  /** Deletes a container. */
  public async deleteContainer(
    containerName: string,
    options: ContainerDeleteMethodOptions = {},
  ): Promise<ContainerDeleteResponse> {
    return this.getContainerClient(containerName).delete(options);
  }

  /**
   * Reads the account's Blob service settings: logging, metrics, CORS, soft delete, static website.
   * @example
   * ```ts
   * const { cors } = await service.getProperties();
   * ```
   */
  public async getProperties(options: ServicePropertiesOptions = {}): Promise<ServiceGetPropertiesResponse> {
    const res = await sendBlobRequest(
      this,
      {
        operationName: "Service.getProperties",
        method: "GET",
        query: { restype: "service", comp: "properties" },
        expectedStatuses: [200],
      },
      options,
    );
    return { ...commonResponse(res.headers), ...readServiceProperties(res.bodyAsText ?? "") };
  }

  /** Changes the sections of the Blob service settings that `properties` contains. */
  public async setProperties(
    properties: BlobServiceProperties,
    options: ServicePropertiesOptions = {},
  ): Promise<CommonResponse> {
    const res = await sendBlobRequest(
      this,
      {
        operationName: "Service.setProperties",
        method: "PUT",
        query: { restype: "service", comp: "properties" },
        xmlBody: writeServiceProperties(properties),
        expectedStatuses: [202],
      },
      options,
    );
    return commonResponse(res.headers);
  }

  /** The account's SKU and kind. */
  public async getAccountInfo(
    options: ServiceGetAccountInfoOptions = {},
  ): Promise<ServiceGetAccountInfoResponse> {
    const res = await sendBlobRequest(
      this,
      {
        operationName: "Service.getAccountInfo",
        method: "GET",
        query: { restype: "account", comp: "properties" },
        expectedStatuses: [200],
      },
      options,
    );
    return {
      ...commonResponse(res.headers),
      skuName: res.headers.get("x-ms-sku-name"),
      accountKind: res.headers.get("x-ms-account-kind"),
      isHierarchicalNamespaceEnabled: headerBoolean(res.headers, "x-ms-is-hns-enabled"),
    };
  }

  /**
   * Lists containers: `for await` over containers, or `.byPage({ continuationToken, maxPageSize })`.
   * @example
   * ```ts
   * for await (const page of service.listContainers({ prefix: "logs-" }).byPage({ maxPageSize: 20 })) {
   *   console.log(page.containerItems.map((c) => c.name));
   * }
   * ```
   */
  public listContainers(
    options: ServiceListContainersOptions = {},
  ): PagedAsyncIterableIterator<ContainerItem, ServiceListContainersSegmentResponse, PageSettings> {
    const include = [
      options.includeMetadata ? "metadata" : "",
      options.includeDeleted ? "deleted" : "",
      options.includeSystem ? "system" : "",
    ].filter(Boolean);
    const query = {
      comp: "list",
      prefix: options.prefix,
      include: include.length ? include.join(",") : undefined,
    };
    return listPages(
      this,
      { operationName: "Service.listContainers", query, readPage: readListContainers },
      (page) => page.containerItems,
      options,
    );
  }

  /**
   * Finds blobs across containers whose index tags match `tagFilterSqlExpression`.
   * @example
   * ```ts
   * for await (const blob of service.findBlobsByTags(`"project"='apollo'`)) console.log(blob.containerName, blob.name);
   * ```
   */
  public findBlobsByTags(
    tagFilterSqlExpression: string,
    options: ServiceFindBlobByTagsOptions = {},
  ): PagedAsyncIterableIterator<FilterBlobItem, ServiceFindBlobByTagsSegmentResponse, PageSettings> {
    return findBlobsByTagsPages(this, "Service.findBlobsByTags", tagFilterSqlExpression, options);
  }

  /**
   * Gets a user delegation key (needs a `TokenCredential`) to sign user delegation SAS tokens.
   * @example
   * ```ts
   * const key = await service.getUserDelegationKey(new Date(), new Date(Date.now() + 3600_000));
   * const sas = generateBlobSASQueryParameters({ containerName, permissions, expiresOn }, key, service.accountName);
   * ```
   */
  public async getUserDelegationKey(
    startsOn: Date,
    expiresOn: Date,
    options: ServiceGetUserDelegationKeyOptions = {},
  ): Promise<UserDelegationKey> {
    const res = await sendBlobRequest(
      this,
      {
        operationName: "Service.getUserDelegationKey",
        method: "POST",
        query: { restype: "service", comp: "userdelegationkey" },
        xmlBody: writeKeyInfo(startsOn, expiresOn),
        expectedStatuses: [200],
      },
      options,
    );
    return readUserDelegationKey(res.bodyAsText ?? "");
  }

  /**
   * A URL for this account with an account SAS signed by the client's Shared Key credential.
   * @example
   * ```ts
   * const url = service.generateAccountSasUrl(expiresOn, AccountSASPermissions.parse("rl"), "sco");
   * ```
   */
  public generateAccountSasUrl(
    expiresOn?: Date,
    permissions: AccountSASPermissions = AccountSASPermissions.parse("r"),
    resourceTypes: AccountSASResourceTypes | string = "sco",
    options: ServiceGenerateAccountSasUrlOptions = {},
  ): string {
    const credential = sharedKeyOf(this.credential, "generateAccountSasUrl");
    const sas = generateAccountSASQueryParameters(
      {
        ...options,
        expiresOn: expiresOn ?? new Date(Date.now() + 3600_000),
        permissions,
        resourceTypes,
        services: "b",
      },
      credential,
    );
    return `${this.url.split("?")[0]}?${sas.toString()}`;
  }
}

checkOptionsOnEntry(BlobServiceClient, "BlobServiceClient", {
  createContainer: { at: 1, names: ["metadata", "access"] },
  deleteContainer: { at: 1, names: ["conditions"] },
  getProperties: { at: 0, names: [] },
  setProperties: { at: 1, names: [] },
  getAccountInfo: { at: 0, names: [] },
  listContainers: { at: 0, names: ["prefix", "includeMetadata", "includeDeleted", "includeSystem"] },
  findBlobsByTags: { at: 1, names: [] },
  getUserDelegationKey: { at: 2, names: [] },
});
showRedactedInInspect(BlobServiceClient, ["accountName", "credential"]);
