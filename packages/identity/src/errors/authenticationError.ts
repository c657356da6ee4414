import { AzureError } from "@azkit/core-http";

const brand = Symbol.for("@azkit/identity.AuthenticationError");

/**
 * The body of a failed Microsoft Entra ID token response (the OAuth 2.0 error fields).
 * @public
 */
export interface OAuthErrorResponse {
  /** The OAuth error code, such as `invalid_client`. */
  error: string;
  /** The service's explanation, such as `AADSTS7000215: Invalid client secret provided.` */
  errorDescription: string;
  /** Microsoft Entra ID's numeric codes, when it sent them. */
  errorCodes?: number[];
  /** The id to quote to support, when it sent one. */
  correlationId?: string;
}

/**
 * The credential is configured but the token service refused it (wrong secret, unknown client, expired
 * federated token) or could not be reached. A chain stops here rather than trying the next credential,
 * since the configured one is the one the user meant. `code` is `"AuthenticationFailed"`.
 * @public
 */
export class AuthenticationError extends AzureError {
  /** The HTTP status of the token response; 0 when no response arrived. */
  readonly statusCode: number;
  /** The parsed OAuth error body, when the service sent one. */
  readonly errorResponse: OAuthErrorResponse | undefined;

  /** Creates the error; `message` must never contain a secret or a token. */
  constructor(
    message: string,
    options: { statusCode?: number; errorResponse?: OAuthErrorResponse; cause?: unknown } = {},
  ) {
    super(message, { code: "AuthenticationFailed", cause: options.cause });
    this.name = "AuthenticationError";
    this.statusCode = options.statusCode ?? 0;
    this.errorResponse = options.errorResponse;
    Object.defineProperty(this, brand, { value: true });
  }
}

/**
 * Whether `error` is an `AuthenticationError`, also across copies of this package.
 * @public
 */
export function isAuthenticationError(error: unknown): error is AuthenticationError {
  return typeof error === "object" && error !== null && brand in error;
}

/**
 * `@azure/identity`'s name for the parsed OAuth error of an `AuthenticationError` (`errorResponse`).
 * @public
 */
export type ErrorResponse = OAuthErrorResponse;
