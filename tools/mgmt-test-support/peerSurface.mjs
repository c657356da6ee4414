/**
 * The operation groups and methods of an official `@azure/arm-*` client, read from a live instance
 * (both generations: classic clients hold class instances, newer ones plain objects of functions).
 */
/** @param {object} client @returns {Map<string, string[]>} */
export function peerOperationGroups(client) {
  const groups = new Map();
  for (const [key, value] of Object.entries(client)) {
    if (key.startsWith("_") || key === "pipeline" || value === null || typeof value !== "object") continue;
    const names = new Set();
    for (let o = value; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
      for (const name of Object.getOwnPropertyNames(o)) {
        if (name === "constructor" || name.startsWith("_")) continue;
        // Classic clients' private paging helpers are prototype methods too.
        if (/PagingPage$|PagingAll$|Next$/.test(name)) continue;
        if (typeof value[name] === "function") names.add(name);
      }
    }
    if (names.size > 0) groups.set(key, [...names].sort());
  }
  return groups;
}

/** Compares an azkit client's groups with a peer's: what matches, what is missing, what is extra. */
/** @param {object} ours @param {object} peer */
export function compareSurfaces(ours, peer) {
  const peerGroups = peerOperationGroups(peer);
  const ourGroups = peerOperationGroups(ours);
  const missing = [];
  const groupsNotGenerated = [];
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
  const extra = [];
  for (const [group, methods] of ourGroups) {
    const theirs = peerGroups.get(group);
    for (const method of methods) if (!theirs?.includes(method)) extra.push(`${group}.${method}`);
  }
  return { matched, peerMethods, missing, extra, groupsNotGenerated };
}
