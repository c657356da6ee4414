/**
 * The operation groups and methods of an official `@azure/arm-*` client, read from a live instance
 * (both generations: classic clients hold class instances, newer ones plain objects of functions).
 */
export function peerOperationGroups(client: object): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const [key, value] of Object.entries(client)) {
    if (key.startsWith("_") || key === "pipeline" || value === null || typeof value !== "object") continue;
    const names = new Set<string>();
    for (let o = value as object | null; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
      for (const name of Object.getOwnPropertyNames(o)) {
        if (name === "constructor" || name.startsWith("_")) continue;
        // Classic clients' private paging helpers are prototype methods too.
        if (/PagingPage$|PagingAll$|Next$/.test(name)) continue;
        if (typeof (value as Record<string, unknown>)[name] === "function") names.add(name);
      }
    }
    if (names.size > 0) groups.set(key, [...names].sort());
  }
  return groups;
}

/** Compares an azkit client's groups with a peer's: what matches, what is missing, what is extra. */
export function compareSurfaces(ours: object, peer: object) {
  const peerGroups = peerOperationGroups(peer);
  const ourGroups = peerOperationGroups(ours);
  const missing: string[] = [];
  const groupsNotGenerated: string[] = [];
  let matched = 0;
  let peerMethods = 0;
  for (const [group, methods] of peerGroups) {
    const mine = ourGroups.get(group);
    if (!mine) {
      groupsNotGenerated.push(group);
      continue;
    }
    for (const method of methods) {
      peerMethods++;
      if (mine.includes(method)) matched++;
      else missing.push(`${group}.${method}`);
    }
  }
  const extra: string[] = [];
  for (const [group, methods] of ourGroups) {
    const theirs = peerGroups.get(group);
    for (const method of methods) if (!theirs?.includes(method)) extra.push(`${group}.${method}`);
  }
  return { matched, peerMethods, missing, extra, groupsNotGenerated };
}
