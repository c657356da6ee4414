/** One challenge of a `WWW-Authenticate` header: its scheme and parameters (names lower-cased). */
export interface AuthenticationChallenge {
  scheme: string;
  params: Record<string, string>;
}

/**
 * Parses `WWW-Authenticate: Bearer realm="", error="insufficient_claims", claims="eyJ..."` (several
 * challenges may be comma-separated). Unquoted and quoted values are both accepted.
 */
export function parseWwwAuthenticate(header: string): AuthenticationChallenge[] {
  const challenges: AuthenticationChallenge[] = [];
  const pattern = /\s*(?:([A-Za-z][\w-]*)\s+)?([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*,?/y;
  let current: AuthenticationChallenge | undefined;
  let index = 0;
  while (index < header.length) {
    pattern.lastIndex = index;
    const match = pattern.exec(header);
    if (!match) {
      // A bare scheme without parameters, such as "Basic" or "Negotiate".
      const bare = /\s*([A-Za-z][\w-]*)\s*,?/y;
      bare.lastIndex = index;
      const scheme = bare.exec(header);
      if (!scheme || bare.lastIndex === index) break;
      current = { scheme: scheme[1]!, params: {} };
      challenges.push(current);
      index = bare.lastIndex;
      continue;
    }
    const [, scheme, name, quoted, plain] = match;
    if (scheme !== undefined || current === undefined) {
      current = { scheme: scheme ?? "", params: {} };
      challenges.push(current);
    }
    current.params[name!.toLowerCase()] =
      quoted !== undefined ? quoted.replace(/\\(.)/g, "$1") : (plain ?? "");
    index = pattern.lastIndex;
  }
  return challenges;
}

/**
 * The claims a Continuous Access Evaluation challenge asks for (decoded JSON text), or `undefined` when
 * the header is not such a challenge: `error="insufficient_claims"` with a base64 `claims` parameter.
 */
export function claimsFromChallenge(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const challenge of parseWwwAuthenticate(header)) {
    if (challenge.scheme.toLowerCase() !== "bearer") continue;
    const { error, claims } = challenge.params;
    if (error !== "insufficient_claims" || !claims) continue;
    const decoded = Buffer.from(claims, "base64").toString("utf8");
    if (decoded.trim().startsWith("{")) return decoded;
  }
  return undefined;
}
