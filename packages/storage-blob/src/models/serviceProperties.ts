/**
 * How long the service keeps logs, metrics or deleted data.
 * @public
 */
export interface RetentionPolicy {
  /** Whether a retention period applies. */
  enabled: boolean;
  /** Days to keep (1 to 365), when enabled. */
  days?: number;
}

/**
 * Storage Analytics logging settings.
 * @public
 */
export interface Logging {
  /** Analytics version, `1.0`. */
  version: string;
  /** Log delete requests. */
  deleteProperty: boolean;
  /** Log read requests. */
  read: boolean;
  /** Log write requests. */
  write: boolean;
  /** How long logs are kept. */
  retentionPolicy: RetentionPolicy;
}

/**
 * Hour or minute metrics settings.
 * @public
 */
export interface Metrics {
  /** Analytics version, `1.0`. */
  version?: string;
  /** Whether metrics are collected. */
  enabled: boolean;
  /** Whether per-API metrics are included. */
  includeAPIs?: boolean;
  /** How long metrics are kept. */
  retentionPolicy?: RetentionPolicy;
}

/**
 * One CORS rule of the Blob service.
 * @public
 */
export interface CorsRule {
  /** Comma-separated origins, or `*`. */
  allowedOrigins: string;
  /** Comma-separated methods (`GET,PUT`). */
  allowedMethods: string;
  /** Comma-separated request headers allowed. */
  allowedHeaders: string;
  /** Comma-separated response headers exposed. */
  exposedHeaders: string;
  /** Seconds a browser may cache the preflight answer. */
  maxAgeInSeconds: number;
}

/**
 * Static website hosting settings.
 * @public
 */
export interface StaticWebsite {
  /** Whether the `$web` container is served as a website. */
  enabled: boolean;
  /** The index document name, e.g. `index.html`. */
  indexDocument?: string;
  /** The path of the 404 page. */
  errorDocument404Path?: string;
  /** The absolute path of the default index page. */
  defaultIndexDocumentPath?: string;
}

/**
 * The Blob service's account-level settings (`getProperties` / `setProperties`).
 * @remarks `setProperties` changes only the sections you pass.
 * @public
 */
export interface BlobServiceProperties {
  /** Storage Analytics logging. */
  blobAnalyticsLogging?: Logging;
  /** Hourly metrics. */
  hourMetrics?: Metrics;
  /** Minute metrics. */
  minuteMetrics?: Metrics;
  /** CORS rules (up to five); an empty list removes them all. */
  cors?: CorsRule[];
  /** The version used for requests that do not send `x-ms-version`. */
  defaultServiceVersion?: string;
  /** Soft delete for blobs. */
  deleteRetentionPolicy?: RetentionPolicy;
  /** Static website hosting. */
  staticWebsite?: StaticWebsite;
}
