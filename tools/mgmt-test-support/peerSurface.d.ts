/**
 * The operation groups and methods of an official `@azure/arm-*` client, read from a live instance
 * (both generations: classic clients hold class instances, newer ones plain objects of functions).
 */
export function peerOperationGroups(client: object): Map<string, string[]>;

/** Compares an azkit client's groups with a peer's: what matches, what is missing, what is extra. */
export function compareSurfaces(
  ours: object,
  peer: object,
): { matched: number; peerMethods: number; missing: string[]; extra: string[]; groupsNotGenerated: string[] };
