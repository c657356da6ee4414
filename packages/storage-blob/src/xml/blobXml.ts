// Smaller bodies: block lists, page ranges, tags, access policies, user delegation keys.
import type { Block, PageRange, SignedIdentifier } from "../models/listModels.js";
import type { Tags } from "../models/metadata.js";
import type { UserDelegationKey } from "../models/userDelegationKey.js";
import { sasDateString } from "../sas/sasDate.js";
import { buildXml, child, children, parseXml, tagSet, text, textDate, textNumber } from "./storageXml.js";

export function writeBlockList(blocks: string[]): string {
  return buildXml({ BlockList: { Latest: blocks } });
}

export function readBlockList(body: string): { committedBlocks: Block[]; uncommittedBlocks: Block[] } {
  const r = child(parseXml(body), "BlockList");
  const read = (name: string): Block[] =>
    children(child(r, name), "Block").map((b) => ({
      name: text(b, "Name") ?? "",
      size: textNumber(b, "Size") ?? 0,
    }));
  return { committedBlocks: read("CommittedBlocks"), uncommittedBlocks: read("UncommittedBlocks") };
}

export function readPageList(body: string): { pageRange: PageRange[]; clearRange: PageRange[] } {
  const r = child(parseXml(body), "PageList");
  const read = (name: string): PageRange[] =>
    children(r, name).map((p) => ({ start: textNumber(p, "Start") ?? 0, end: textNumber(p, "End") ?? 0 }));
  return { pageRange: read("PageRange"), clearRange: read("ClearRange") };
}

export function writeTags(tags: Tags): string {
  return buildXml({
    Tags: { TagSet: { Tag: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) } },
  });
}

export function readTags(body: string): Tags {
  return tagSet(parseXml(body)) ?? {};
}

export function writeSignedIdentifiers(identifiers: SignedIdentifier[]): string {
  return buildXml({
    SignedIdentifiers: {
      SignedIdentifier: identifiers.map((i) => ({
        Id: i.id,
        AccessPolicy: {
          ...(i.accessPolicy.startsOn ? { Start: sasDateString(i.accessPolicy.startsOn) } : {}),
          ...(i.accessPolicy.expiresOn ? { Expiry: sasDateString(i.accessPolicy.expiresOn) } : {}),
          ...(i.accessPolicy.permissions ? { Permission: i.accessPolicy.permissions } : {}),
        },
      })),
    },
  });
}

export function readSignedIdentifiers(body: string): SignedIdentifier[] {
  if (!body.trim()) return [];
  const r = child(parseXml(body), "SignedIdentifiers");
  return children(r, "SignedIdentifier").map((i) => {
    const p = child(i, "AccessPolicy");
    return {
      id: text(i, "Id") ?? "",
      accessPolicy: {
        startsOn: textDate(p, "Start"),
        expiresOn: textDate(p, "Expiry"),
        permissions: text(p, "Permission"),
      },
    };
  });
}

export function writeKeyInfo(startsOn: Date, expiresOn: Date): string {
  return buildXml({ KeyInfo: { Start: sasDateString(startsOn), Expiry: sasDateString(expiresOn) } });
}

export function readUserDelegationKey(body: string): UserDelegationKey {
  const r = child(parseXml(body), "UserDelegationKey");
  return {
    signedObjectId: text(r, "SignedOid") ?? "",
    signedTenantId: text(r, "SignedTid") ?? "",
    signedStartsOn: textDate(r, "SignedStart")!,
    signedExpiresOn: textDate(r, "SignedExpiry")!,
    signedService: text(r, "SignedService") ?? "",
    signedVersion: text(r, "SignedVersion") ?? "",
    value: text(r, "Value") ?? "",
  };
}
