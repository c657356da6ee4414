/**
 * The access tiers of a block blob, as `@azure/storage-blob` names them; the `tier` options and
 * `setAccessTier` take these values (or the same strings).
 *
 * @example
 * ```ts
 * await blockBlobClient.setAccessTier(BlockBlobTier.Cool);
 * ```
 * @public
 */
export enum BlockBlobTier {
  /** Frequently read data. */
  Hot = "Hot",
  /** Data kept at least 30 days and read rarely. */
  Cool = "Cool",
  /** Data kept at least 90 days and read rarely. */
  Cold = "Cold",
  /** Offline data kept at least 180 days; it must be rehydrated before reading. */
  Archive = "Archive",
}

/**
 * The performance tiers of a page blob in a premium storage account (disk sizes P4 to P80).
 *
 * @example
 * ```ts
 * await pageBlobClient.setAccessTier(PremiumPageBlobTier.P10);
 * ```
 * @public
 */
export enum PremiumPageBlobTier {
  /** P4: 32 GiB, 120 IOPS. */
  P4 = "P4",
  /** P6: 64 GiB, 240 IOPS. */
  P6 = "P6",
  /** P10: 128 GiB, 500 IOPS. */
  P10 = "P10",
  /** P15: 256 GiB, 1100 IOPS. */
  P15 = "P15",
  /** P20: 512 GiB, 2300 IOPS. */
  P20 = "P20",
  /** P30: 1 TiB, 5000 IOPS. */
  P30 = "P30",
  /** P40: 2 TiB, 7500 IOPS. */
  P40 = "P40",
  /** P50: 4 TiB, 7500 IOPS. */
  P50 = "P50",
  /** P60: 8 TiB, 16000 IOPS. */
  P60 = "P60",
  /** P70: 16 TiB, 18000 IOPS. */
  P70 = "P70",
  /** P80: 32 TiB, 20000 IOPS. */
  P80 = "P80",
}

/**
 * The encryption algorithms a customer-provided key may use; the service knows `AES256` only.
 * @public
 */
export enum KnownEncryptionAlgorithmType {
  /** AES with a 256-bit key. */
  AES256 = "AES256",
}
