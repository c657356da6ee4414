// Every public storage method checks its option bag on entry, nested bags included, against the
// options of that operation only: a typo (`conditions: { if_match }`), a wrong type
// (`ifModifiedSince: "yesterday"`, `onProgress: 5`) or `null` is a TypeError that names the method,
// the option's path and the valid names, before anything is built or sent. core-http's
// `checkOptionBag` does the checking; this file only says which options each method takes.
import {
  checkOptionBag,
  OPERATION_OPTION_SHAPE,
  type OptionBagShape,
  type OptionKind,
} from "@azkit/core-http";

const MODIFIED_CONDITIONS: OptionBagShape = {
  ifMatch: "string",
  ifNoneMatch: "string",
  ifModifiedSince: "date",
  ifUnmodifiedSince: "date",
  tagConditions: "string",
};

/** The union of every condition a blob or container call takes (the service ignores none it gets). */
const CONDITIONS: OptionBagShape = {
  ...MODIFIED_CONDITIONS,
  leaseId: "string",
  maxSize: "number",
  appendPosition: "number",
  ifSequenceNumberLessThanOrEqualTo: "number",
  ifSequenceNumberLessThan: "number",
  ifSequenceNumberEqualTo: "number",
};

/** The stored HTTP headers, as an option and as `setHTTPHeaders`' argument. */
export const BLOB_HTTP_HEADERS_SHAPE: OptionBagShape = {
  blobCacheControl: "string",
  blobContentType: "string",
  blobContentMD5: "bytes",
  blobContentEncoding: "string",
  blobContentLanguage: "string",
  blobContentDisposition: "string",
};

/** Every storage option name with its kind; a method takes a subset. */
const STORAGE_OPTIONS = {
  access: "string",
  blobHTTPHeaders: BLOB_HTTP_HEADERS_SHAPE,
  blobSequenceNumber: "number",
  blockSize: "number",
  computeMD5: "boolean",
  concurrency: "number",
  conditions: CONDITIONS,
  copySourceBlobProperties: "boolean",
  deleteSnapshots: "string",
  includeCopy: "boolean",
  includeDeleted: "boolean",
  includeImmutabilityPolicy: "boolean",
  includeLegalHold: "boolean",
  includeMetadata: "boolean",
  includeSnapshots: "boolean",
  includeSystem: "boolean",
  includeTags: "boolean",
  includeUncommitedBlobs: "boolean",
  includeVersions: "boolean",
  intervalInMs: "number",
  maxRetryRequests: "number",
  maxRetryRequestsPerBlock: "number",
  maxSingleShotSize: "number",
  metadata: "stringRecord",
  onProgress: "function",
  prefix: "string",
  rangeGetContentMD5: "boolean",
  rehydratePriority: "string",
  resumeFrom: "string",
  sourceAuthorization: "string",
  sourceConditions: MODIFIED_CONDITIONS,
  sourceContentMD5: "bytes",
  tags: "stringRecord",
  tier: "string",
  transactionalContentMD5: "bytes",
  verifyMD5: "boolean",
} as const satisfies OptionBagShape;

/** A storage option name. */
export type StorageOptionName = keyof typeof STORAGE_OPTIONS;

/** Names of every storage option, for core-http's last check of what reaches the pipeline. */
export const STORAGE_OPTION_NAMES = Object.keys(STORAGE_OPTIONS) as readonly StorageOptionName[];

/** Where a method's options are and which it takes; positional bags (`setHTTPHeaders`) too. */
export interface MethodOptions {
  /** Index of the options argument, or a function of the arguments (overloads). */
  at: number | ((args: readonly unknown[]) => number);
  names: readonly StorageOptionName[];
  /** Other arguments that are bags: index, shape and the name used in messages. */
  bags?: ReadonlyArray<readonly [number, OptionBagShape, string]>;
  /** Plain arguments of a kind (`contentLength` a number): index, kind and name. */
  kinds?: ReadonlyArray<readonly [number, OptionKind, string]>;
}

/** Marks an options copy that was checked, so a method called by another skips the check. */
const CHECKED = Symbol("azkit.storageOptionsChecked");

function shapeOf(names: readonly StorageOptionName[]): OptionBagShape {
  const shape: Record<string, OptionBagShape[string]> = { ...OPERATION_OPTION_SHAPE };
  for (const name of names) shape[name] = STORAGE_OPTIONS[name];
  return shape;
}

/**
 * Wraps each named method of `cls` so that it checks its options (and positional bags) first.
 * A failed check rejects an async method and throws from a synchronous one (pollers, pagers).
 */
export function checkOptionsOnEntry(
  cls: { prototype: object },
  className: string,
  methods: Record<string, MethodOptions>,
): void {
  const prototype = cls.prototype as Record<string, unknown>;
  for (const [method, spec] of Object.entries(methods)) {
    const original = prototype[method] as (...args: unknown[]) => unknown;
    const isAsync = original.constructor.name === "AsyncFunction";
    const shape = shapeOf(spec.names);
    const context = `${className}.${method}`;
    const at = spec.at;
    // Plain arguments are checked as one-option bags; their shapes are made here, once.
    const kinds = (spec.kinds ?? []).map(
      ([index, kind, name]) => [index, name, { [name]: kind } as OptionBagShape] as const,
    );
    const bags = spec.bags ?? [];
    const checked = function (this: unknown, ...args: unknown[]): unknown {
      const index = typeof at === "number" ? at : at(args);
      const options = args[index] as Record<symbol, unknown> | undefined;
      if (options === undefined ? kinds.length === 0 && bags.length === 0 : options?.[CHECKED] === true) {
        // Nothing to check: no options (the common call), or a copy another method checked.
        return original.apply(this, args);
      }
      try {
        for (const [argIndex, name, kindShape] of kinds) {
          if (args[argIndex] !== undefined) checkOptionBag({ [name]: args[argIndex] }, kindShape, context);
        }
        for (const [argIndex, bagShape, label] of bags)
          checkOptionBag(args[argIndex], bagShape, `${context}: ${label}`);
        checkOptionBag(options, shape, context);
      } catch (error) {
        if (isAsync) return Promise.reject(error);
        throw error;
      }
      if (options !== undefined) {
        const copy = args.slice();
        copy[index] = { ...options, [CHECKED]: true };
        return original.apply(this, copy);
      }
      return original.apply(this, args);
    };
    Object.defineProperty(checked, "name", { value: method });
    Object.defineProperty(cls.prototype, method, {
      value: checked,
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
}

/** Option names of the calls that download, upload or copy, shared by several clients. */
export const DOWNLOAD_TO_OPTIONS: readonly StorageOptionName[] = [
  "blockSize",
  "concurrency",
  "maxRetryRequestsPerBlock",
  "conditions",
  "onProgress",
  "verifyMD5",
];
export const NEW_BLOB_OPTIONS: readonly StorageOptionName[] = [
  "blobHTTPHeaders",
  "metadata",
  "tags",
  "tier",
  "conditions",
];
export const PARALLEL_UPLOAD_OPTIONS: readonly StorageOptionName[] = [
  ...NEW_BLOB_OPTIONS,
  "blockSize",
  "maxSingleShotSize",
  "concurrency",
  "onProgress",
  "computeMD5",
];
export const UPLOAD_OPTIONS: readonly StorageOptionName[] = [
  ...NEW_BLOB_OPTIONS,
  "onProgress",
  "transactionalContentMD5",
];
export const PART_WRITE_OPTIONS: readonly StorageOptionName[] = [
  "conditions",
  "onProgress",
  "transactionalContentMD5",
];
export const FROM_URL_OPTIONS: readonly StorageOptionName[] = [
  "conditions",
  "sourceConditions",
  "sourceAuthorization",
  "sourceContentMD5",
];
export const COPY_OPTIONS: readonly StorageOptionName[] = [
  "metadata",
  "tags",
  "tier",
  "rehydratePriority",
  "conditions",
  "sourceConditions",
  "intervalInMs",
  "resumeFrom",
  "onProgress",
];
export const LIST_BLOBS_OPTIONS: readonly StorageOptionName[] = [
  "prefix",
  "includeMetadata",
  "includeSnapshots",
  "includeTags",
  "includeDeleted",
  "includeCopy",
  "includeUncommitedBlobs",
  "includeVersions",
  "includeLegalHold",
  "includeImmutabilityPolicy",
];
