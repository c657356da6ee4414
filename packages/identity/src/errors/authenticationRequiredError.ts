import { AzureError, type GetTokenOptions } from "@azkit/core-http";

/**
 * Options of `AuthenticationRequiredError`.
 * @public
 */
export interface AuthenticationRequiredErrorOptions {
  /** The scopes the token was asked for. */
  scopes: string[];
  /** The options `getToken` was called with. */
  getTokenOptions?: GetTokenOptions;
  /** The message; a default one names what to call. */
  message?: string;
  /** What caused it, if anything. */
  cause?: unknown;
}

/**
 * A user credential needs the user to sign in, and was told not to start that itself
 * (`disableAutomaticAuthentication: true`): call its `authenticate(scopes)` when the user can interact,
 * then `getToken` again. `code` is `"AuthenticationRequired"`.
 *
 * @example
 * ```ts
 * const credential = new DeviceCodeCredential({ disableAutomaticAuthentication: true });
 * try {
 *   await credential.getToken(scope);
 * } catch (e) {
 *   if (e instanceof AuthenticationRequiredError) await credential.authenticate(e.scopes);
 * }
 * ```
 * @public
 */
export class AuthenticationRequiredError extends AzureError {
  /** The scopes the token was asked for. */
  scopes: string[];
  /** The options `getToken` was called with. */
  getTokenOptions?: GetTokenOptions;

  /** Creates the error. */
  constructor(options: AuthenticationRequiredErrorOptions) {
    super(
      options.message ??
        "Automatic authentication has been disabled. You may call the authentication() method.",
      { code: "AuthenticationRequired", cause: options.cause },
    );
    this.name = "AuthenticationRequiredError";
    this.scopes = options.scopes;
    this.getTokenOptions = options.getTokenOptions;
  }
}
