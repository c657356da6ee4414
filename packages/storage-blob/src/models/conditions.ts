/**
 * Conditions on the resource's state; when one fails the service answers 412 and the call
 * throws `ResourceModifiedError` (304 for `ifNoneMatch` on reads).
 *
 * @remarks Use `ifMatch: etag` for optimistic concurrency; `ifNoneMatch: "*"` to create only.
 * @public
 */
export interface ModifiedAccessConditions {
  /** Proceed only if the ETag matches (`*` matches any existing resource). */
  ifMatch?: string;
  /** Proceed only if the ETag differs (`*`: only if the resource does not exist). */
  ifNoneMatch?: string;
  /** Proceed only if modified after this time. */
  ifModifiedSince?: Date;
  /** Proceed only if not modified since this time. */
  ifUnmodifiedSince?: Date;
  /** Proceed only if the blob's tags satisfy this SQL-like expression, e.g. `"project" = 'x'`. */
  tagConditions?: string;
}

/**
 * Conditions that also name the active lease.
 * @remarks Required with an active lease on writes and deletes.
 * @public
 */
export interface LeaseAccessConditions {
  /** The id of the active lease on the resource. */
  leaseId?: string;
}

/**
 * Conditions for blob operations: state conditions plus the lease id.
 * @public
 */
export interface BlobRequestConditions extends ModifiedAccessConditions, LeaseAccessConditions {}

/**
 * Conditions for container operations (no ETag conditions on most container calls).
 * @public
 */
export interface ContainerRequestConditions extends LeaseAccessConditions {
  /** Proceed only if modified after this time. */
  ifModifiedSince?: Date;
  /** Proceed only if not modified since this time. */
  ifUnmodifiedSince?: Date;
}

/**
 * Conditions on tags only, for calls that accept nothing else (tags, tier).
 * @public
 */
export interface TagConditions {
  /** Proceed only if the blob's tags satisfy this expression. */
  tagConditions?: string;
}

/**
 * Conditions on an append blob's position and size.
 * @public
 */
export interface AppendPositionAccessConditions {
  /** Proceed only if the blob is at most this long before the append. */
  maxSize?: number;
  /** Proceed only if the append starts at this offset (the current length). */
  appendPosition?: number;
}

/**
 * Conditions on a page blob's sequence number.
 * @public
 */
export interface SequenceNumberAccessConditions {
  /** Proceed only if the sequence number is at most this. */
  ifSequenceNumberLessThanOrEqualTo?: number;
  /** Proceed only if the sequence number is less than this. */
  ifSequenceNumberLessThan?: number;
  /** Proceed only if the sequence number equals this. */
  ifSequenceNumberEqualTo?: number;
}
