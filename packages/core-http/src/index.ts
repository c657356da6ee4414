/**
 * The azkit request path: pipeline, policies, transport, errors, serialization, paging, auth
 * policies and the sync bridge that every azkit client is built on.
 * @packageDocumentation
 */

// Each area below is owned by one part of the package; keep exports inside their section,
// named (no `export *`), `export type` for types.

// --- request path: request/response, pipeline, policies, transport, options, errors ---
export type { AbortSignalLike } from "./abortSignalLike.js";
export type {
  AzureErrorOptions,
  HttpResponseErrorOptions,
  RestErrorOptions,
} from "./errors.js";
export {
  AbortError,
  AzureError,
  ClientAuthenticationError,
  HttpResponseError,
  isAbortError,
  isAzureError,
  isClientAuthenticationError,
  isHttpResponseError,
  isResourceExistsError,
  isResourceModifiedError,
  isResourceNotFoundError,
  isRestError,
  isServiceRequestError,
  isServiceResponseError,
  ResourceExistsError,
  ResourceModifiedError,
  ResourceNotFoundError,
  RestError,
  ServiceRequestError,
  ServiceResponseError,
} from "./errors.js";
export type { HttpHeaders, RawHttpHeaders, RawHttpHeadersInput } from "./httpHeaders.js";
export { createHttpHeaders } from "./httpHeaders.js";
export type { ErrorMap, HttpResponseErrorClass, ServiceErrorBody } from "./mapError.js";
export { mapError, parseServiceErrorBody } from "./mapError.js";
export type {
  AdditionalPolicyConfig,
  CommonClientOptions,
  OperationOptions,
  OperationRequestOptions,
  OverridableOptions,
  RetryOptions,
  UserAgentOptions,
} from "./options/clientOptions.js";
export type { ProxyOptions, RequestSettings, RetryMode } from "./options/requestSettings.js";
export type { OptionBagShape, OptionKind } from "./options/optionShape.js";
export { checkOptionBag } from "./options/optionShape.js";
export {
  CLIENT_OPTION_SHAPE,
  DEFAULT_REQUEST_SETTINGS,
  OPERATION_OPTION_SHAPE,
  resolveProxyForUrl,
  resolveRequestSettings,
} from "./options/resolveOptions.js";
export type { InternalPipelineOptions } from "./createPipelineFromOptions.js";
export { createPipelineFromOptions } from "./createPipelineFromOptions.js";
export {
  decompressResponsePolicy,
  decompressResponsePolicyName,
} from "./policies/decompressResponsePolicy.js";
export type { LogPolicyOptions } from "./policies/logPolicy.js";
export { logPolicy, logPolicyName } from "./policies/logPolicy.js";
export { proxyPolicy, proxyPolicyName } from "./policies/proxyPolicy.js";
export type { RedirectPolicyOptions } from "./policies/redirectPolicy.js";
export { redirectPolicy, redirectPolicyName } from "./policies/redirectPolicy.js";
export { requestSettingsPolicy, requestSettingsPolicyName } from "./policies/requestSettingsPolicy.js";
export type { RetryPolicyOptions } from "./policies/retryPolicy.js";
export { retryPolicy, retryPolicyName } from "./policies/retryPolicy.js";
export {
  setClientRequestIdPolicy,
  setClientRequestIdPolicyName,
} from "./policies/setClientRequestIdPolicy.js";
export type { UserAgentPolicyOptions } from "./policies/userAgentPolicy.js";
export { getUserAgentValue, userAgentPolicy, userAgentPolicyName } from "./policies/userAgentPolicy.js";
export { readPackageVersion } from "./packageVersion.js";
export type { ServiceClientOptions, ServiceSendOptions } from "./serviceClient.js";
export { ServiceClient } from "./serviceClient.js";
export type { AddPolicyOptions, Pipeline, PipelinePhase, PipelinePolicy } from "./pipeline.js";
export { createEmptyPipeline } from "./pipeline.js";
export type {
  HttpMethods,
  PipelineRequest,
  PipelineRequestOptions,
  ProxySettings,
  RequestBodyType,
  TransferProgressEvent,
} from "./pipelineRequest.js";
export { createPipelineRequest } from "./pipelineRequest.js";
export { createFileRangeBody } from "./fileRangeBody.js";
export type { HttpClient, PipelineResponse, SendRequest } from "./pipelineResponse.js";
export { isLoopbackHost } from "./auth/secureTransport.js";
export type {
  DefaultHttpClient,
  DefaultHttpClientOptions,
  TlsSettings,
} from "./transport/nodeHttpClient.js";
export { createDefaultHttpClient } from "./transport/defaultHttpClient.js";
export { guardProgressCallback } from "./transport/progressCallback.js";

// --- serde: schemas, serialize/deserialize, model classes, XML mapping ---
export type { ModelClass } from "./serde/defineModel.js";
export { defineModel } from "./serde/defineModel.js";
export { deserialize } from "./serde/deserialize.js";
export type { Infer, InferInput } from "./serde/inferType.js";
export type {
  AnySchema,
  ArraySchema,
  BooleanSchema,
  BytesSchema,
  DateSchema,
  DateTimeSchema,
  DictionarySchema,
  DurationSchema,
  NumberSchema,
  ObjectSchema,
  PolymorphicSchema,
  Schema,
  SchemaCommon,
  SchemaProperties,
  StringSchema,
  UnixTimeSchema,
  XmlOptions,
} from "./serde/schema.js";
export type { SchemaOptions } from "./serde/schemaBuilders.js";
export { s } from "./serde/schemaBuilders.js";
export {
  DeserializationError,
  isDeserializationError,
  isSerializationError,
  SerializationError,
} from "./serde/serdeErrors.js";
export type { SerdeProblem } from "./serde/serdeProblem.js";
export { serialize } from "./serde/serialize.js";
export { parseXml } from "./serde/xml/parseXml.js";
export { storageErrorBodySchema } from "./serde/xml/storageErrorBodySchema.js";
export type { StringifyXmlOptions } from "./serde/xml/stringifyXml.js";
export { stringifyXml } from "./serde/xml/stringifyXml.js";

// --- paging and auth policies ---
export type { KeyCredential } from "./auth/azureKeyCredential.js";
export { AzureKeyCredential, isKeyCredential } from "./auth/azureKeyCredential.js";
export type { NamedKeyCredential } from "./auth/azureNamedKeyCredential.js";
export { AzureNamedKeyCredential, isNamedKeyCredential } from "./auth/azureNamedKeyCredential.js";
export type { SASCredential } from "./auth/azureSasCredential.js";
export { AzureSasCredential, isSASCredential } from "./auth/azureSasCredential.js";
export type {
  AuthorizeRequestOnChallengeOptions,
  AuthorizeRequestOptions,
  BearerTokenAuthenticationPolicyOptions,
  ChallengeCallbacks,
} from "./auth/bearerTokenAuthenticationPolicy.js";
export {
  bearerTokenAuthenticationPolicy,
  bearerTokenAuthenticationPolicyName,
} from "./auth/bearerTokenAuthenticationPolicy.js";
export type { RequestSigningPolicyOptions } from "./auth/requestSigningPolicy.js";
export { requestSigningPolicy, requestSigningPolicyName } from "./auth/requestSigningPolicy.js";
export type { AccessToken, GetTokenOptions, TokenCredential } from "./auth/tokenCredential.js";
export { isTokenCredential } from "./auth/tokenCredential.js";
export type {
  ArmListResult,
  ArmPagedAsyncIteratorOptions,
} from "./paging/buildArmPagedAsyncIterator.js";
export { buildArmPagedAsyncIterator } from "./paging/buildArmPagedAsyncIterator.js";
export { buildPagedAsyncIterator, getPagedAsyncIterator } from "./paging/buildPagedAsyncIterator.js";
export { getContinuationToken } from "./paging/continuationToken.js";
export type {
  PagedAsyncIterableIterator,
  PagedResult,
  PageSettings,
  PageWithLink,
} from "./paging/pagedAsyncIterableIterator.js";
export type { PagingErrorCode } from "./paging/pagingError.js";
export { isPagingError, PagingError } from "./paging/pagingError.js";

// --- sync bridge ---
export type { CreateSyncClientClassOptions } from "./sync/createSyncClientClass.js";
export { createSyncClientClass } from "./sync/createSyncClientClass.js";
export { closeSyncBridge } from "./sync/syncBridgeInstance.js";
export type {
  AsyncClientConstructor,
  CallSignatures,
  ConstructSignatures,
  IsSameType,
  PagedSyncIterableIterator,
  SyncArgument,
  SyncArguments,
  SyncClient,
  SyncClientClass,
  SyncConstructor,
  SyncFunction,
  SyncMethod,
  SyncPoller,
  SyncReturn,
  SyncSimplePoller,
  SyncValue,
  WithoutLeadingRepeats,
} from "./sync/syncClientTypes.js";
export type { SyncErrorClass, SyncErrorClassOptions } from "./sync/syncErrorRegistry.js";
export { registerSyncErrorClass } from "./sync/syncErrorRegistry.js";
export type { SyncModuleLocation } from "./sync/syncModuleLocation.js";
export type { SyncValueClassOptions } from "./sync/syncValueClasses.js";
export { registerSyncValueClass } from "./sync/syncValueClasses.js";
