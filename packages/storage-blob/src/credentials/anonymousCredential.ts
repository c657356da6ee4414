import { Credential } from "../pipeline/credential.js";
import { AnonymousCredentialPolicy } from "../pipeline/credentialPolicy.js";
import type { RequestPolicy, RequestPolicyOptions } from "../pipeline/requestPolicy.js";

/**
 * The credential for public containers and SAS URLs: requests go out unsigned.
 *
 * @remarks
 * Use it when the URL itself carries the authorization (a SAS token) or the container allows
 * anonymous reads. Passing no credential at all has the same effect.
 *
 * @example
 * ```ts
 * const blob = new BlobClient(sasUrl, new AnonymousCredential());
 * ```
 * @public
 */
export class AnonymousCredential extends Credential {
  /** Brand so that copies of this package recognize each other's anonymous credentials. */
  public readonly kind = "anonymous" as const;

  /** The policy-chain form (`Credential`): a policy that sends requests unsigned. */
  override create(nextPolicy: RequestPolicy, options: RequestPolicyOptions): AnonymousCredentialPolicy {
    return new AnonymousCredentialPolicy(nextPolicy, options);
  }
}
