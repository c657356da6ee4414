import type { CredentialPolicy } from "./credentialPolicy.js";
import type { RequestPolicy, RequestPolicyFactory, RequestPolicyOptions } from "./requestPolicy.js";

/**
 * The base class of storage credentials in the older policy-chain style: a credential is a
 * `RequestPolicyFactory` whose policy signs requests. `AnonymousCredential` and
 * `StorageSharedKeyCredential` extend it; extend it yourself for a custom signing scheme and pass
 * the instance where a credential goes (azkit runs its policy in the Sign phase, on every attempt).
 *
 * @example
 * ```ts
 * class HeaderCredential extends Credential {
 *   create(next: RequestPolicy, options: RequestPolicyOptions) { return new HeaderPolicy(next, options); }
 * }
 * ```
 * @public
 */
export abstract class Credential implements RequestPolicyFactory {
  /** Makes the policy that signs each request before `_nextPolicy` sends it. */
  create(_nextPolicy: RequestPolicy, _options: RequestPolicyOptions): RequestPolicy {
    throw new Error("Credential.create: a Credential subclass must implement create(nextPolicy, options).");
  }
}

/**
 * A function making a credential's policy, as `@azure/storage-blob` types it.
 * @public
 */
export type CredentialPolicyCreator = (
  nextPolicy: RequestPolicy,
  options: RequestPolicyOptions,
) => CredentialPolicy;
