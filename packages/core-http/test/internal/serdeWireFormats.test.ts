import { describe, expect, it } from "vitest";
import {
  decodeBytes,
  encodeBytes,
  isBase64,
  isIsoDuration,
  parseIsoDate,
  parseIsoDateTime,
  parseRfc1123,
} from "../../src/serde/wireFormats.js";

describe("parseIsoDateTime", () => {
  it.each([
    ["2025-05-01T10:00:00Z", "2025-05-01T10:00:00.000Z"],
    ["2025-05-01T10:00:00.1Z", "2025-05-01T10:00:00.100Z"],
    ["2025-05-01T10:00:00.12Z", "2025-05-01T10:00:00.120Z"],
    ["2025-05-01T10:00:00.1234567Z", "2025-05-01T10:00:00.123Z"],
    ["2025-05-01T10:00:00+02:00", "2025-05-01T08:00:00.000Z"],
    ["2025-05-01T10:00:00", "2025-05-01T10:00:00.000Z"],
    ["2025-05-01t10:00:00z", "2025-05-01T10:00:00.000Z"],
    ["2024-02-29T23:59:59.999Z", "2024-02-29T23:59:59.999Z"],
  ])("reads %s as %s (UTC when no zone is given)", (text, iso) => {
    expect(parseIsoDateTime(text)?.toISOString()).toBe(iso);
  });

  it.each([
    "2025-02-30T10:00:00Z",
    "2025-13-01T10:00:00Z",
    "2025-05-01T24:00:00Z",
    "2025-05-01",
    "Tuesday",
    "2025-05-01T10:00:00.Z",
    "2025-05-01T1a:00:00Z",
  ])("rejects %s", (text) => {
    expect(parseIsoDateTime(text)).toBeUndefined();
  });
});

describe("other wire formats", () => {
  it("reads RFC 1123 dates", () => {
    expect(parseRfc1123("Thu, 02 Jan 2025 11:30:00 GMT")?.toISOString()).toBe("2025-01-02T11:30:00.000Z");
    expect(parseRfc1123("never")).toBeUndefined();
  });

  it("reads calendar dates as UTC midnight and rejects impossible ones", () => {
    expect(parseIsoDate("2024-02-29")?.toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(parseIsoDate("2023-02-29")).toBeUndefined();
    expect(parseIsoDate("2023-2-1")).toBeUndefined();
  });

  it("recognizes ISO 8601 durations", () => {
    for (const ok of ["P1D", "PT1H30M", "-PT5S", "P1Y2M3DT4H5M6.5S", "P2W"])
      expect(isIsoDuration(ok)).toBe(true);
    for (const bad of ["P", "PT", "1H", "P1H", "01:00:00"]) expect(isIsoDuration(bad)).toBe(false);
  });

  it("encodes and decodes base64 and base64url", () => {
    const bytes = new Uint8Array([251, 255, 0, 1]);
    expect(encodeBytes(bytes, false)).toBe("+/8AAQ==");
    expect(encodeBytes(bytes, true)).toBe("-_8AAQ");
    expect(decodeBytes("+/8AAQ==", false)).toEqual(bytes);
    expect(decodeBytes("-_8AAQ", true)).toEqual(bytes);
    expect(Object.getPrototypeOf(decodeBytes("AA==", false))).toBe(Uint8Array.prototype);
    expect(isBase64("+/8AAQ==", false)).toBe(true);
    expect(isBase64("+/8AAQ=", false)).toBe(false);
    expect(isBase64("-_8AAQ", true)).toBe(true);
  });

  it("encodes a view of a larger buffer without the rest of the buffer", () => {
    const view = new Uint8Array([1, 2, 3, 4]).subarray(1, 3);
    expect(encodeBytes(view, false)).toBe(Buffer.from([2, 3]).toString("base64"));
  });
});
