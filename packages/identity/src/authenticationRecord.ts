/**
 * The account a user credential signed in with (no secret): pass it back as `authenticationRecord` so the
 * credential knows which account to use, and store it with `serializeAuthenticationRecord`.
 * @public
 */
export interface AuthenticationRecord {
  /** The authority host the account signed in at, such as `login.microsoftonline.com`. */
  authority: string;
  /** The account's id across tenants: `{objectId}.{tenantId}`. */
  homeAccountId: string;
  /** The client (app) id the account signed in to. */
  clientId: string;
  /** The tenant the account signed in to. */
  tenantId: string;
  /** The sign-in name, such as `user@contoso.com`. */
  username: string;
}

const VERSION = "1.0";

/**
 * Turns an `AuthenticationRecord` into a string to store (a file, a setting); read it back with
 * `deserializeAuthenticationRecord`.
 * @public
 */
export function serializeAuthenticationRecord(record: AuthenticationRecord): string {
  return JSON.stringify({ ...record, version: VERSION });
}

/**
 * Reads an `AuthenticationRecord` written by `serializeAuthenticationRecord` (by azkit or `@azure/identity`).
 * Throws on an unknown version or a missing field.
 * @public
 */
export function deserializeAuthenticationRecord(serializedRecord: string): AuthenticationRecord {
  const parsed = JSON.parse(serializedRecord) as Partial<AuthenticationRecord> & { version?: string };
  if (parsed.version !== undefined && parsed.version !== VERSION) {
    throw new Error(
      `Unsupported AuthenticationRecord version "${parsed.version}"; this version reads "${VERSION}".`,
    );
  }
  const missing = (["authority", "homeAccountId", "clientId", "tenantId", "username"] as const).filter(
    (key) => typeof parsed[key] !== "string",
  );
  if (missing.length > 0) {
    throw new Error(`The serialized AuthenticationRecord lacks ${missing.join(", ")}.`);
  }
  const { version: _version, ...record } = parsed;
  return record as AuthenticationRecord;
}
