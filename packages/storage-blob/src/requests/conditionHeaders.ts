// Every access condition becomes its request headers here: the state and lease conditions, the
// same conditions on a copy's source, and the append-position and sequence-number conditions.
// Undefined entries are left out by the context when it sends the request.
import type {
  AppendPositionAccessConditions,
  BlobRequestConditions,
  ContainerRequestConditions,
  ModifiedAccessConditions,
  SequenceNumberAccessConditions,
} from "../models/conditions.js";

type HeaderValues = Record<string, string | undefined>;

const decimal = (n: number | undefined): string | undefined => (n === undefined ? undefined : String(n));

/** `If-*`, `x-ms-if-tags` and `x-ms-lease-id` for blob and container conditions. */
export function conditionHeaders(
  conditions: BlobRequestConditions | ContainerRequestConditions | undefined,
): HeaderValues {
  if (!conditions) return {};
  const c = conditions as BlobRequestConditions;
  return {
    "x-ms-lease-id": c.leaseId,
    "If-Match": c.ifMatch,
    "If-None-Match": c.ifNoneMatch,
    "If-Modified-Since": c.ifModifiedSince?.toUTCString(),
    "If-Unmodified-Since": c.ifUnmodifiedSince?.toUTCString(),
    "x-ms-if-tags": c.tagConditions,
  };
}

/** The same conditions for the source of a copy (`x-ms-source-if-*`). */
export function sourceConditionHeaders(conditions: ModifiedAccessConditions | undefined): HeaderValues {
  if (!conditions) return {};
  return {
    "x-ms-source-if-match": conditions.ifMatch,
    "x-ms-source-if-none-match": conditions.ifNoneMatch,
    "x-ms-source-if-modified-since": conditions.ifModifiedSince?.toUTCString(),
    "x-ms-source-if-unmodified-since": conditions.ifUnmodifiedSince?.toUTCString(),
    "x-ms-source-if-tags": conditions.tagConditions,
  };
}

/** An append blob's size and position conditions (`x-ms-blob-condition-*`). */
export function appendPositionHeaders(conditions: AppendPositionAccessConditions | undefined): HeaderValues {
  return {
    "x-ms-blob-condition-maxsize": decimal(conditions?.maxSize),
    "x-ms-blob-condition-appendpos": decimal(conditions?.appendPosition),
  };
}

/** A page blob's sequence-number conditions (`x-ms-if-sequence-number-*`). */
export function sequenceNumberHeaders(conditions: SequenceNumberAccessConditions | undefined): HeaderValues {
  return {
    "x-ms-if-sequence-number-le": decimal(conditions?.ifSequenceNumberLessThanOrEqualTo),
    "x-ms-if-sequence-number-lt": decimal(conditions?.ifSequenceNumberLessThan),
    "x-ms-if-sequence-number-eq": decimal(conditions?.ifSequenceNumberEqualTo),
  };
}
