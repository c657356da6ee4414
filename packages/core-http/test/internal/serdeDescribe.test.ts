import { describe, expect, it } from "vitest";
import { describeSchema, shortType } from "../../src/serde/describeSchema.js";
import { describeValue } from "../../src/serde/describeValue.js";
import { closestName, editDistance } from "../../src/serde/editDistance.js";
import { formatPath } from "../../src/serde/serdePath.js";
import { s } from "../../src/serde/schemaBuilders.js";

describe("editDistance and closestName", () => {
  it("counts edits, with a swap of neighbours as one", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("tenantId", "tenantdI")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });

  it("maps snake_case, wrong case and typos to the known name", () => {
    const known = ["tenantId", "sku", "accessPolicies", "enableSoftDelete"];
    expect(closestName("tenant_id", known)).toBe("tenantId");
    expect(closestName("TenantID", known)).toBe("tenantId");
    expect(closestName("acessPolicies", known)).toBe("accessPolicies");
    expect(closestName("enableSoftDeletes", known)).toBe("enableSoftDelete");
  });

  it("suggests nothing when no name is close", () => {
    expect(closestName("location", ["tenantId", "sku"])).toBeUndefined();
    expect(closestName("x", ["sku"])).toBeUndefined();
  });
});

describe("describeSchema", () => {
  it("says what each kind expects", () => {
    expect(describeSchema(s.string({ maxLength: 24 }))).toBe("a string of at most 24 characters");
    expect(describeSchema(s.string({ minLength: 3, maxLength: 24, pattern: "^[a-z]+$" }))).toBe(
      "a string of 3 to 24 characters matching /^[a-z]+$/",
    );
    expect(describeSchema(s.enum(["standard", "premium"]))).toBe('one of "standard" | "premium"');
    expect(describeSchema(s.enum(["Hot", "Cool"], { extensible: true }))).toBe(
      'a string (known values: "Hot" | "Cool")',
    );
    expect(describeSchema(s.integer({ minimum: 7, maximum: 90 }))).toBe(
      "an integer at least 7 and at most 90",
    );
    expect(describeSchema(s.number({ exclusiveMinimum: 0 }))).toBe("a finite number greater than 0");
    expect(describeSchema(s.nullable(s.boolean()))).toBe("a boolean or null");
    expect(describeSchema(s.dateTime())).toBe("a date-time (a Date or an ISO 8601 string)");
    expect(describeSchema(s.array(s.string(), { minItems: 1 }))).toBe(
      "an array of string with at least 1 item",
    );
    expect(describeSchema(s.dictionary(s.string()))).toBe("an object (or Map) of string values");
    expect(describeSchema(s.polymorphic("kind", { dog: s.object({}), cat: s.object({}) }))).toBe(
      'an object with kind "dog" | "cat"',
    );
  });

  it("shows an object's writable properties, marking optional ones, and names nested models", () => {
    const sku = s.object(
      { name: s.required(s.enum(["standard", "premium"])), family: s.required(s.enum(["A"])) },
      { name: "Sku" },
    );
    const vault = s.object({
      location: s.required(s.string()),
      id: s.readOnly(s.string()),
      sku,
      tags: s.dictionary(s.string()),
      zones: s.array(s.enum(["1", "2"])),
    });
    expect(describeSchema(sku)).toBe('an object { name: "standard" | "premium", family: "A" }');
    expect(describeSchema(vault)).toBe(
      'an object { location: string, sku?: Sku, tags?: { [key: string]: string }, zones?: ("1" | "2")[] }',
    );
  });

  it("shortens long enums", () => {
    expect(shortType(s.enum(["a", "b", "c", "d", "e", "f", "g", "h"]))).toBe(
      '"a" | "b" | "c" | "d" | "e" | "f" | …',
    );
  });
});

describe("describeValue", () => {
  it("names what was found", () => {
    expect(describeValue("standard")).toBe('the string "standard"');
    expect(describeValue("")).toBe('the empty string ""');
    expect(describeValue("x".repeat(100))).toBe(`the string "${"x".repeat(60)}…"`);
    expect(describeValue("hunter2", true)).toBe("a string of 7 characters (not shown: secret)");
    expect(describeValue(5)).toBe("the number 5");
    expect(describeValue(Number.NaN)).toBe("NaN");
    expect(describeValue(true)).toBe("the boolean true");
    expect(describeValue(null)).toBe("null");
    expect(describeValue(undefined)).toBe("nothing");
    expect(describeValue([1, 2])).toBe("an array of 2 items");
    expect(describeValue([])).toBe("an empty array");
    expect(describeValue(new Date(0))).toBe("the Date 1970-01-01T00:00:00.000Z");
    expect(describeValue(new Date(Number.NaN))).toBe("an invalid Date");
    expect(describeValue(new Uint8Array(3))).toBe("a Uint8Array of 3 bytes");
    expect(describeValue({ name: "standard" })).toBe("an object { name }");
    expect(describeValue({})).toBe("an object with no properties");
    expect(describeValue(new (class Sku {})())).toBe("a Sku object with no properties");
  });
});

describe("formatPath", () => {
  it("writes paths as code would", () => {
    expect(formatPath("parameters", ["properties", "accessPolicies", 0, "tenantId"])).toBe(
      "parameters.properties.accessPolicies[0].tenantId",
    );
    expect(formatPath("", ["properties", "sku"])).toBe("properties.sku");
    expect(formatPath("body", ["tags", "my tag", "@odata.type"])).toBe('body.tags["my tag"]["@odata.type"]');
    expect(formatPath("", [3])).toBe("[3]");
  });
});
