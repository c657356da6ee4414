/**
 * A key from `BlobServiceClient.getUserDelegationKey`, used to sign user delegation SAS tokens.
 *
 * @remarks Obtain it with a `TokenCredential`; it signs SAS tokens without the account key.
 * @public
 */
export interface UserDelegationKey {
  /** Object id of the Entra principal the key was issued to (`skoid`). */
  signedObjectId: string;
  /** Tenant of that principal (`sktid`). */
  signedTenantId: string;
  /** When the key becomes valid (`skt`). */
  signedStartsOn: Date;
  /** When the key expires (`ske`). */
  signedExpiresOn: Date;
  /** The service the key is for, `b` (`sks`). */
  signedService: string;
  /** The service version that issued the key (`skv`). */
  signedVersion: string;
  /** The key itself, base64. */
  value: string;
}
