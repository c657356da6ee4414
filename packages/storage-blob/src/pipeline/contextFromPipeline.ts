// How a client built on a Pipeline gets its StorageContext: the pipeline's credential and
// options, with the factories sorted into what azkit already does (credential, retries, browser
// fix-ups) and the user's own policies, which run as one core-http policy.
import { isTokenCredential, type TokenCredential } from "@azkit/core-http";
import { StorageContext } from "../clients/storageContext.js";
import { AnonymousCredential } from "../credentials/anonymousCredential.js";
import { StorageSharedKeyCredential } from "../credentials/storageSharedKeyCredential.js";
import type { StoragePipelineOptions } from "../models/storagePipelineOptions.js";
import { Credential } from "./credential.js";
import type { PipelineLike } from "./pipeline.js";
import type { RequestPolicyFactory } from "./requestPolicy.js";
import { requestPolicyFactoryPolicy } from "./requestPolicyFactoryPolicy.js";
import { StorageBrowserPolicyFactory } from "./storageBrowserPolicy.js";
import { StorageRetryPolicyFactory } from "./storageRetryPolicy.js";

type Signer = StorageSharedKeyCredential | AnonymousCredential | TokenCredential | undefined;

/** The context of a client constructed as `new XClient(url, pipeline)`. */
export function contextFromPipeline(pipeline: PipelineLike): StorageContext {
  let credential = (pipeline as { credential?: unknown }).credential as Signer | Credential;
  const options: StoragePipelineOptions = { ...pipeline.options };
  const custom: RequestPolicyFactory[] = [];
  let signer: Credential | undefined;
  for (const factory of pipeline.factories) {
    if (factory instanceof StorageSharedKeyCredential || factory instanceof AnonymousCredential) {
      credential = factory;
    } else if (factory instanceof Credential) {
      signer = factory;
    } else if (factory instanceof StorageRetryPolicyFactory) {
      options.retryOptions = { ...factory.retryOptions, ...options.retryOptions };
    } else if (factory instanceof StorageBrowserPolicyFactory) {
      // Browser-only fix-ups: nothing to do on Node.
    } else if (isTokenCredential((factory as { credential?: unknown }).credential)) {
      credential = (factory as unknown as { credential: TokenCredential }).credential; // @azure/storage-blob's bearer factory
    } else {
      custom.push(factory);
    }
  }
  if (
    credential instanceof Credential &&
    !(credential instanceof StorageSharedKeyCredential || credential instanceof AnonymousCredential)
  ) {
    signer = credential;
    credential = undefined;
  }
  const additionalPolicies = [...(options.additionalPolicies ?? [])];
  if (custom.length > 0) {
    additionalPolicies.push({ policy: requestPolicyFactoryPolicy(custom), position: "perCall" });
  }
  if (signer) {
    // A custom Credential signs every attempt, after retries began, like the built-in signers.
    additionalPolicies.push({
      policy: requestPolicyFactoryPolicy([signer], "customCredentialPolicy"),
      position: "perRetry",
    });
  }
  if (additionalPolicies.length > 0) options.additionalPolicies = additionalPolicies;
  return new StorageContext(credential as Signer, options);
}
