/**
 * The `name` of `CredentialUnavailableError`, for code that compares names as `@azure/identity` users do.
 * @public
 */
export const CredentialUnavailableErrorName = "CredentialUnavailableError";

/**
 * The `name` of `AuthenticationError`, for code that compares names as `@azure/identity` users do.
 * @public
 */
export const AuthenticationErrorName = "AuthenticationError";
