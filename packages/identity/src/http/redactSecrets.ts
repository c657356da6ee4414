/**
 * Replaces every occurrence of the given secrets in `text`. A second fence behind "never put secrets in
 * messages": service error descriptions are passed through, and some services echo what they were sent.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) result = result.split(secret).join("REDACTED");
  }
  return result;
}
