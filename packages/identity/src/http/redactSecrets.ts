import { sanitizeText } from "@azkit/core-logging";

/**
 * Replaces every occurrence of the given secrets in `text`, then the secret shapes core-logging's
 * `sanitizeText` knows (bearer values, `client_secret=...`, JSON secret fields). A second fence behind
 * "never put secrets in messages": service error descriptions are passed through, and some services
 * echo what they were sent, sometimes as a bare value no shape rule can recognise.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) result = result.split(secret).join("REDACTED");
  }
  return sanitizeText(result);
}
