import type { PipelineLike } from "../pipeline/pipeline.js";
import {
  isResourceExistsError,
  isResourceNotFoundError,
  type PagedAsyncIterableIterator,
  type PageSettings,
  type RequestBodyType,
} from "@azkit/core-http";
import { appendToUrlPath, encodeBlobName, parseBlobUrl } from "../blobUrl.js";
import type {
  BlobDeleteOptions,
  BlobDeleteResponse,
  BlockBlobUploadOptions,
  BlockBlobUploadResponse,
} from "../models/blobModels.js";
import type {
  BlobHierarchyItem,
  ContainerCreateIfNotExistsResponse,
  ContainerFindBlobByTagsOptions,
  ContainerCreateOptions,
  ContainerCreateResponse,
  ContainerDeleteIfExistsResponse,
  ContainerDeleteMethodOptions,
  ContainerDeleteResponse,
  ContainerExistsOptions,
  ContainerGetAccessPolicyOptions,
  ContainerGetAccessPolicyResponse,
  ContainerGetPropertiesOptions,
  ContainerGetPropertiesResponse,
  ContainerListBlobsOptions,
  ContainerSetAccessPolicyOptions,
  ContainerSetAccessPolicyResponse,
  ContainerSetMetadataOptions,
  ContainerSetMetadataResponse,
} from "../models/containerModels.js";
import type {
  BlobItem,
  ContainerListBlobFlatSegmentResponse,
  FilterBlobItem,
  ServiceFindBlobByTagsSegmentResponse,
  ContainerListBlobHierarchySegmentResponse,
  PublicAccessType,
  SignedIdentifier,
} from "../models/listModels.js";
import { type Metadata, metadataToHeaders } from "../models/metadata.js";
import {
  commonResponse,
  entityResponse,
  headerBoolean,
  headerMetadata,
  leaseFromHeaders,
} from "../models/responseHeaders.js";
import type { StoragePipelineOptions } from "../models/storagePipelineOptions.js";
import { generateBlobSASQueryParameters } from "../sas/blobSASSignatureValues.js";
import { conditionHeaders } from "../requests/conditionHeaders.js";
import { findBlobsByTagsPages } from "../requests/findBlobsByTagsPages.js";
import { existsUnlessNotFound, succeededUnless } from "../requests/ifExists.js";
import { type ListOperation, listPages } from "../requests/listPages.js";
import type { ContainerGenerateSasUrlOptions } from "../sas/generateSasUrlOptions.js";
import { sharedKeyOf } from "../sas/sharedKeyOf.js";
import { readListBlobs } from "../xml/listXml.js";
import { readSignedIdentifiers, writeSignedIdentifiers } from "../xml/blobXml.js";
import { AppendBlobClient } from "./appendBlobClient.js";
import { BlobBatchClient } from "./blobBatchClient.js";
import { BlobClient } from "./blobClient.js";
import { BlobLeaseClient } from "./blobLeaseClient.js";
import { BlockBlobClient } from "./blockBlobClient.js";
import { derivedClient, resolveClient } from "./clientConstruction.js";
import { PageBlobClient } from "./pageBlobClient.js";
import { setContextOf, type StorageCredential } from "./storageContext.js";
import { sendBlobRequest } from "../requests/sendBlobRequest.js";
import { checkOptionsOnEntry, LIST_BLOBS_OPTIONS, UPLOAD_OPTIONS } from "./operationOptions.js";
import { showRedactedInInspect } from "./redactedInspect.js";

function includeList(options: ContainerListBlobsOptions): string | undefined {
  const include: string[] = [];
  if (options.includeCopy) include.push("copy");
  if (options.includeDeleted) include.push("deleted");
  if (options.includeMetadata) include.push("metadata");
  if (options.includeSnapshots) include.push("snapshots");
  if (options.includeTags) include.push("tags");
  if (options.includeUncommitedBlobs) include.push("uncommittedblobs");
  if (options.includeVersions) include.push("versions");
  if (options.includeLegalHold) include.push("legalhold");
  if (options.includeImmutabilityPolicy) include.push("immutabilitypolicy");
  return include.length ? include.join(",") : undefined;
}

/**
 * A container: create and delete it, its properties, metadata, access policy and leases, and
 * listing its blobs flat or by virtual directory.
 *
 * @remarks Get one from `BlobServiceClient.getContainerClient(name)` or construct it from a
 * container URL or a connection string and container name.
 * @example
 * ```ts
 * const container = new ContainerClient(process.env.AZURE_STORAGE_CONNECTION_STRING!, "photos");
 * await container.createIfNotExists();
 * for await (const blob of container.listBlobsFlat({ prefix: "2026/" })) console.log(blob.name);
 * ```
 * @public
 */
export class ContainerClient {
  /** The container URL. */
  public readonly url: string;
  /** The storage account name. */
  public readonly accountName: string;
  /** The container name. */
  public readonly containerName: string;
  /** The credential requests are signed with. */
  public readonly credential: StorageCredential;

  /**
   * A client for the container at `url`.
   * @param url - the container URL, optionally with a SAS.
   * @param credential - Shared Key, a `TokenCredential`, or `AnonymousCredential` (default).
   * @param options - pipeline options.
   */
  constructor(url: string, credential?: StorageCredential, options?: StoragePipelineOptions);
  /**
   * A client for a container named in a connection string's account.
   * @param connectionString - an account key or SAS connection string, or `UseDevelopmentStorage=true`.
   */
  constructor(connectionString: string, containerName: string, options?: StoragePipelineOptions);
  /**
   * A client on a {@link Pipeline} from `newPipeline(credential, options)` (the older construction style).
   * @param url - the URL, optionally with a SAS.
   * @param pipeline - the credential, options and extra request policies to use.
   */
  constructor(url: string, pipeline: PipelineLike);
  constructor(urlOrConnectionString: string, second?: unknown, options?: StoragePipelineOptions) {
    const resolved = resolveClient(
      urlOrConnectionString,
      second,
      typeof second === "string" ? [second] : [],
      options,
    );
    this.url = resolved.url;
    setContextOf(this, resolved.context);
    this.credential = resolved.context.credential;
    const parts = parseBlobUrl(this.url);
    this.accountName = parts.accountName;
    this.containerName = parts.containerName;
  }

  /** The URL of a blob in this container (keeping a SAS in the query). */
  private blobUrl(blobName: string): string {
    return appendToUrlPath(this.url, encodeBlobName(blobName));
  }

  /** A client for a blob of any type in this container. */
  public getBlobClient(blobName: string): BlobClient {
    return derivedClient(BlobClient, this.blobUrl(blobName), this);
  }

  /** A client for a block blob in this container. */
  public getBlockBlobClient(blobName: string): BlockBlobClient {
    return derivedClient(BlockBlobClient, this.blobUrl(blobName), this);
  }

  /** A client for an append blob in this container. */
  public getAppendBlobClient(blobName: string): AppendBlobClient {
    return derivedClient(AppendBlobClient, this.blobUrl(blobName), this);
  }

  /** A client for a page blob in this container. */
  public getPageBlobClient(blobName: string): PageBlobClient {
    return derivedClient(PageBlobClient, this.blobUrl(blobName), this);
  }

  /** A client for batches of deletes and tier changes on blobs of this container. */
  public getBlobBatchClient(): BlobBatchClient {
    return derivedClient(BlobBatchClient, this.url, this);
  }

  /** A lease client for this container. */
  public getBlobLeaseClient(proposeLeaseId?: string): BlobLeaseClient {
    return new BlobLeaseClient(this, proposeLeaseId);
  }

  /**
   * Creates the container; throws ResourceExistsError (`ContainerAlreadyExists`) if it exists.
   * @example
   * ```ts
   * await containerClient.create({ metadata: { owner: "ci" } });
   * ```
   */
  public async create(options: ContainerCreateOptions = {}): Promise<ContainerCreateResponse> {
    const res = await sendBlobRequest(
      this,
      {
        operationName: "Container.create",
        method: "PUT",
        query: { restype: "container" },
        headers: { "x-ms-blob-public-access": options.access, ...metadataToHeaders(options.metadata) },
        expectedStatuses: [201],
      },
      options,
    );
    return entityResponse(res.headers);
  }

  /** Creates the container unless it exists; `succeeded` tells whether this call created it. */
  public async createIfNotExists(
    options: ContainerCreateOptions = {},
  ): Promise<ContainerCreateIfNotExistsResponse> {
    return succeededUnless(
      () => this.create(options),
      (error) =>
        isResourceExistsError(error) && (error as { code?: string }).code === "ContainerAlreadyExists",
    );
  }

  /** Whether the container exists (false on 404). */
  public async exists(options: ContainerExistsOptions = {}): Promise<boolean> {
    return existsUnlessNotFound(() => this.getProperties(options));
  }

  /** Deletes the container and its blobs (the service removes them in the background). */
  public async delete(options: ContainerDeleteMethodOptions = {}): Promise<ContainerDeleteResponse> {
    const res = await sendBlobRequest(
      this,
      {
        operationName: "Container.delete",
        method: "DELETE",
        query: { restype: "container" },
        headers: conditionHeaders(options.conditions),
        expectedStatuses: [202],
      },
      options,
    );
    return commonResponse(res.headers);
  }

  /** Deletes the container if it exists; `succeeded` tells whether this call deleted it. */
  public async deleteIfExists(
    options: ContainerDeleteMethodOptions = {},
  ): Promise<ContainerDeleteIfExistsResponse> {
    return succeededUnless(() => this.delete(options), isResourceNotFoundError);
  }

  /** Reads the container's properties and metadata. */
  public async getProperties(
    options: ContainerGetPropertiesOptions = {},
  ): Promise<ContainerGetPropertiesResponse> {
    const res = await sendBlobRequest(
      this,
      {
        operationName: "Container.getProperties",
        method: "GET",
        query: { restype: "container" },
        headers: conditionHeaders(options.conditions),
        expectedStatuses: [200],
      },
      options,
    );
    const h = res.headers;
    return {
      ...entityResponse(h),
      metadata: headerMetadata(h),
      ...leaseFromHeaders(h),
      blobPublicAccess: h.get("x-ms-blob-public-access") as PublicAccessType | undefined,
      hasImmutabilityPolicy: headerBoolean(h, "x-ms-has-immutability-policy"),
      hasLegalHold: headerBoolean(h, "x-ms-has-legal-hold"),
      defaultEncryptionScope: h.get("x-ms-default-encryption-scope"),
    };
  }

  /** Replaces the container's metadata (omit to clear it). */
  public async setMetadata(
    metadata?: Metadata,
    options: ContainerSetMetadataOptions = {},
  ): Promise<ContainerSetMetadataResponse> {
    const res = await sendBlobRequest(
      this,
      {
        operationName: "Container.setMetadata",
        method: "PUT",
        query: { restype: "container", comp: "metadata" },
        headers: { ...metadataToHeaders(metadata), ...conditionHeaders(options.conditions) },
        expectedStatuses: [200],
      },
      options,
    );
    return entityResponse(res.headers);
  }

  /** Reads the anonymous access level and the stored access policies. */
  public async getAccessPolicy(
    options: ContainerGetAccessPolicyOptions = {},
  ): Promise<ContainerGetAccessPolicyResponse> {
    const res = await sendBlobRequest(
      this,
      {
        operationName: "Container.getAccessPolicy",
        method: "GET",
        query: { restype: "container", comp: "acl" },
        headers: conditionHeaders(options.conditions),
        expectedStatuses: [200],
      },
      options,
    );
    return {
      ...entityResponse(res.headers),
      blobPublicAccess: res.headers.get("x-ms-blob-public-access") as PublicAccessType | undefined,
      signedIdentifiers: readSignedIdentifiers(res.bodyAsText ?? ""),
    };
  }

  /** Sets the anonymous access level (omit for private) and up to five stored access policies. */
  public async setAccessPolicy(
    access?: PublicAccessType,
    containerAcl: SignedIdentifier[] = [],
    options: ContainerSetAccessPolicyOptions = {},
  ): Promise<ContainerSetAccessPolicyResponse> {
    const res = await sendBlobRequest(
      this,
      {
        operationName: "Container.setAccessPolicy",
        method: "PUT",
        query: { restype: "container", comp: "acl" },
        headers: {
          "x-ms-blob-public-access": access,
          ...conditionHeaders(options.conditions),
        },
        xmlBody: writeSignedIdentifiers(containerAcl),
        expectedStatuses: [200],
      },
      options,
    );
    return entityResponse(res.headers);
  }

  /** Uploads a block blob in one request and returns its client with the response. */
  public async uploadBlockBlob(
    blobName: string,
    body: RequestBodyType,
    contentLength: number,
    options: BlockBlobUploadOptions = {},
  ): Promise<{ blockBlobClient: BlockBlobClient; response: BlockBlobUploadResponse }> {
    const blockBlobClient = this.getBlockBlobClient(blobName);
    const response = await blockBlobClient.upload(body, contentLength, options);
    return { blockBlobClient, response };
  }

  /** Deletes a blob of this container. */
  public async deleteBlob(blobName: string, options: BlobDeleteOptions = {}): Promise<BlobDeleteResponse> {
    return this.getBlobClient(blobName).delete(options);
  }

  /** `List Blobs` of this container with `options`' filters; `delimiter` groups by virtual directory. */
  private listBlobsOperation(
    delimiter: string | undefined,
    options: ContainerListBlobsOptions,
  ): ListOperation<ContainerListBlobHierarchySegmentResponse> {
    const query = {
      restype: "container",
      comp: "list",
      prefix: options.prefix,
      delimiter,
      include: includeList(options),
    };
    return { operationName: "Container.listBlobs", query, readPage: readListBlobs };
  }

  /**
   * Lists the blobs, flat: `for await` over blobs, or `.byPage({ continuationToken, maxPageSize })`.
   * @example
   * ```ts
   * for await (const page of containerClient.listBlobsFlat().byPage({ maxPageSize: 100 })) {
   *   for (const blob of page.segment.blobItems) console.log(blob.name);
   * }
   * ```
   */
  public listBlobsFlat(
    options: ContainerListBlobsOptions = {},
  ): PagedAsyncIterableIterator<BlobItem, ContainerListBlobFlatSegmentResponse, PageSettings> {
    const operation = this.listBlobsOperation(undefined, options);
    const readFlatPage = (xml: string): ContainerListBlobFlatSegmentResponse => {
      const { delimiter: _d, segment, ...rest } = operation.readPage(xml);
      return { ...rest, segment: { blobItems: segment.blobItems } };
    };
    return listPages(
      this,
      { ...operation, readPage: readFlatPage },
      (page) => page.segment.blobItems,
      options,
    );
  }

  /**
   * Lists blobs grouped by `delimiter` (usually "/"): items are `{ kind: "prefix", name }` for
   * virtual directories and `{ kind: "blob", ...BlobItem }` for blobs.
   * @example
   * ```ts
   * for await (const item of containerClient.listBlobsByHierarchy("/", { prefix: "photos/" })) {
   *   console.log(item.kind === "prefix" ? `dir  ${item.name}` : `blob ${item.name}`);
   * }
   * ```
   */
  public listBlobsByHierarchy(
    delimiter: string,
    options: ContainerListBlobsOptions = {},
  ): PagedAsyncIterableIterator<BlobHierarchyItem, ContainerListBlobHierarchySegmentResponse, PageSettings> {
    return listPages(
      this,
      this.listBlobsOperation(delimiter, options),
      (page): BlobHierarchyItem[] => [
        ...(page.segment.blobPrefixes ?? []).map((p) => ({ kind: "prefix" as const, ...p })),
        ...page.segment.blobItems.map((b) => ({ kind: "blob" as const, ...b })),
      ],
      options,
    );
  }

  /**
   * Finds blobs of this container whose index tags match `tagFilterSqlExpression`.
   * @example
   * ```ts
   * for await (const blob of containerClient.findBlobsByTags(`"stage"='final'`)) console.log(blob.name);
   * ```
   */
  public findBlobsByTags(
    tagFilterSqlExpression: string,
    options: ContainerFindBlobByTagsOptions = {},
  ): PagedAsyncIterableIterator<FilterBlobItem, ServiceFindBlobByTagsSegmentResponse, PageSettings> {
    return findBlobsByTagsPages(this, "Container.findBlobsByTags", tagFilterSqlExpression, options, {
      restype: "container",
    });
  }

  /**
   * A URL for this container with a service SAS signed by the client's Shared Key credential.
   * @example
   * ```ts
   * const url = await containerClient.generateSasUrl({ permissions: ContainerSASPermissions.parse("rl"), expiresOn });
   * ```
   */
  public async generateSasUrl(options: ContainerGenerateSasUrlOptions): Promise<string> {
    const sas = generateBlobSASQueryParameters(
      { ...options, containerName: this.containerName },
      sharedKeyOf(this.credential, "generateSasUrl"),
    );
    return `${this.url.split("?")[0]}?${sas.toString()}`;
  }
}

checkOptionsOnEntry(ContainerClient, "ContainerClient", {
  create: { at: 0, names: ["metadata", "access"] },
  createIfNotExists: { at: 0, names: ["metadata", "access"] },
  exists: { at: 0, names: [] },
  delete: { at: 0, names: ["conditions"] },
  deleteIfExists: { at: 0, names: ["conditions"] },
  getProperties: { at: 0, names: ["conditions"] },
  setMetadata: { at: 1, names: ["conditions"] },
  getAccessPolicy: { at: 0, names: ["conditions"] },
  setAccessPolicy: { at: 2, names: ["conditions"] },
  uploadBlockBlob: { at: 3, names: UPLOAD_OPTIONS },
  deleteBlob: { at: 1, names: ["conditions", "deleteSnapshots"] },
  listBlobsFlat: { at: 0, names: LIST_BLOBS_OPTIONS },
  listBlobsByHierarchy: { at: 1, names: LIST_BLOBS_OPTIONS },
  findBlobsByTags: { at: 1, names: [] },
});
showRedactedInInspect(ContainerClient, ["accountName", "containerName", "credential"]);
