// An account SAS (all blob permissions, valid for a day) signed with node:crypto, so the raw client
// authenticates without any SDK: per the docs' string-to-sign for versions >= 2020-12-06.
import { createHmac } from "node:crypto";

export const storageVersion = "2025-11-05";

/** @param {string} accountName @param {string} accountKey base64 */
export function accountSas(accountName, accountKey) {
  const expiry = new Date(Date.now() + 24 * 3600 * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
  const fields = {
    sp: "racwdl",
    ss: "b",
    srt: "sco",
    se: expiry,
    spr: "https,http",
    sv: storageVersion,
  };
  const stringToSign = [
    accountName,
    fields.sp,
    fields.ss,
    fields.srt,
    "", // start
    fields.se,
    "", // ip
    fields.spr,
    fields.sv,
    "", // encryption scope
    "",
  ].join("\n");
  const sig = createHmac("sha256", Buffer.from(accountKey, "base64"))
    .update(stringToSign, "utf8")
    .digest("base64");
  return new URLSearchParams({ ...fields, sig }).toString();
}
