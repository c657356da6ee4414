// Smaller bodies: block lists, page ranges, tags, access policies, user delegation keys.
import { parseXml, stringifyXml } from "@azkit/core-http";
import type { Block, PageRange, SignedIdentifier } from "../models/listModels.js";
import type { Tags } from "../models/metadata.js";
import type { UserDelegationKey } from "../models/userDelegationKey.js";
import { sasDateString } from "../sas/sasDate.js";
import {
  blockListSchema,
  blockLookupListSchema,
  keyInfoSchema,
  pageListSchema,
  signedIdentifiersSchema,
  tagsDocumentSchema,
  userDelegationKeySchema,
} from "./blobSchemas.js";
import { toDate, toNumber, toTags } from "./wireValues.js";

export function writeBlockList(blocks: string[]): string {
  return stringifyXml(blockLookupListSchema, { latest: blocks });
}

export function readBlockList(body: string): { committedBlocks: Block[]; uncommittedBlocks: Block[] } {
  const r = parseXml(blockListSchema, body);
  const read = (list: ReadonlyArray<{ name?: string; size?: string }> | undefined): Block[] =>
    (list ?? []).map((b) => ({ name: b.name ?? "", size: toNumber(b.size) ?? 0 }));
  return { committedBlocks: read(r.committedBlocks), uncommittedBlocks: read(r.uncommittedBlocks) };
}

export function readPageList(body: string): { pageRange: PageRange[]; clearRange: PageRange[] } {
  const r = parseXml(pageListSchema, body);
  const read = (list: ReadonlyArray<{ start?: string; end?: string }> | undefined): PageRange[] =>
    (list ?? []).map((p) => ({ start: toNumber(p.start) ?? 0, end: toNumber(p.end) ?? 0 }));
  return { pageRange: read(r.pageRange), clearRange: read(r.clearRange) };
}

export function writeTags(tags: Tags): string {
  return stringifyXml(tagsDocumentSchema, {
    tagSet: Object.entries(tags).map(([key, value]) => ({ key, value })),
  });
}

export function readTags(body: string): Tags {
  return toTags(parseXml(tagsDocumentSchema, body)) ?? {};
}

export function writeSignedIdentifiers(identifiers: SignedIdentifier[]): string {
  return stringifyXml(signedIdentifiersSchema, {
    signedIdentifier: identifiers.map((i) => ({
      id: i.id,
      accessPolicy: {
        start: i.accessPolicy.startsOn ? sasDateString(i.accessPolicy.startsOn) : undefined,
        expiry: i.accessPolicy.expiresOn ? sasDateString(i.accessPolicy.expiresOn) : undefined,
        permission: i.accessPolicy.permissions,
      },
    })),
  });
}

export function readSignedIdentifiers(body: string): SignedIdentifier[] {
  if (!body.trim()) return [];
  return (parseXml(signedIdentifiersSchema, body).signedIdentifier ?? []).map((i) => ({
    id: i.id ?? "",
    accessPolicy: {
      startsOn: toDate(i.accessPolicy?.start),
      expiresOn: toDate(i.accessPolicy?.expiry),
      permissions: i.accessPolicy?.permission,
    },
  }));
}

export function writeKeyInfo(startsOn: Date, expiresOn: Date): string {
  return stringifyXml(keyInfoSchema, { start: sasDateString(startsOn), expiry: sasDateString(expiresOn) });
}

export function readUserDelegationKey(body: string): UserDelegationKey {
  const r = parseXml(userDelegationKeySchema, body);
  return {
    signedObjectId: r.signedObjectId ?? "",
    signedTenantId: r.signedTenantId ?? "",
    signedStartsOn: toDate(r.signedStartsOn)!,
    signedExpiresOn: toDate(r.signedExpiresOn)!,
    signedService: r.signedService ?? "",
    signedVersion: r.signedVersion ?? "",
    value: r.value ?? "",
  };
}
