/** Where a started Azurite listens and how to reach it. */
export interface AzuriteInfo {
  port: number;
  /** Blob endpoint including the account path, e.g. http://127.0.0.1:43225/devstoreaccount1 */
  blobUrl: string;
  accountName: string;
  accountKey: string;
  connectionString: string;
}

/** Azurite's well-known development account. */
export declare const devAccount: { accountName: string; accountKey: string };

/**
 * Starts azurite-blob 3.35.0 in memory on a free loopback port; `stop()` ends it. With `oauth`, it
 * serves HTTPS with that certificate and accepts bearer tokens (`--oauth basic`) beside Shared Key.
 */
export declare function startAzurite(options?: {
  startTimeoutInMs?: number;
  oauth?: { cert: string; key: string };
}): Promise<{ info: AzuriteInfo; stop: () => Promise<void> }>;
