import { AzureError } from "@azkit/core-http";

/**
 * Downloaded bytes do not match the MD5 the service reported: the data is not returned as good.
 *
 * @remarks Thrown by downloads with `rangeGetContentMD5` or `verifyMD5`; retry the download, and
 * if it persists the stored blob (or its stored Content-MD5) is corrupt. `code` is `Md5Mismatch`.
 * @public
 */
export class BlobIntegrityError extends AzureError {
  /** MD5 the service reported, base64. */
  public readonly expectedMD5: string;
  /** MD5 of the bytes received, base64. */
  public readonly actualMD5: string;

  /** Creates the error for one blob or range. */
  constructor(message: string, expectedMD5: string, actualMD5: string) {
    super(message, { code: "Md5Mismatch" });
    this.name = "BlobIntegrityError";
    this.expectedMD5 = expectedMD5;
    this.actualMD5 = actualMD5;
  }
}
