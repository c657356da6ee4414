// Turns swagger files into the generator's model of a client: named models (with allOf bases,
// flattened properties, polymorphism), named enums and operations grouped by operationId prefix.
// Everything is visited in spec order and sorted where order is not given, so output is deterministic.
import { existsSync } from "node:fs";
import { dirname, relative, resolve as resolvePath } from "node:path";
import { camelCase, memberName, pascalCase } from "./names.mjs";
import { SpecSet } from "./specLoader.mjs";

const HTTP_METHODS = ["get", "put", "post", "patch", "delete", "head", "options"];
const LIST_PARAM_NAMES = new Set(["$top", "top", "maxresults", "$maxpagesize", "maxpagesize"]);

/**
 * @typedef {object} Ty  a type: { k: "scalar" | "enum" | "array" | "dict" | "ref" | "any" | "object-any" | "stream", ... }
 * @typedef {object} Prop { name, wirePath, ty, required, readOnly, nullable, defaultValue }
 */

/**
 * @param {{ specs: string[], repoRoot: string, clientName: string, apiVersion?: string }} config
 */
export function buildModel(config) {
  const specSet = new SpecSet(config.specs);
  const b = new ModelBuilder(specSet, config);
  b.collectDiscriminatorChildren();
  for (const file of specSet.roots) b.collectOperations(file);
  b.finish();
  return b.result();
}

class ModelBuilder {
  constructor(specSet, config) {
    this.specSet = specSet;
    this.config = config;
    /** @type {Map<string, any>} key (file#pointer) -> model */
    this.modelsByKey = new Map();
    /** @type {Map<string, any>} name -> model */
    this.models = new Map();
    /** @type {Map<string, any>} name -> enum */
    this.enums = new Map();
    this.operations = [];
    /** base key -> [{ key, value }] */
    this.children = new Map();
    this.apiVersions = new Set();
    this.warnings = [];
  }

  rel(file) {
    return relative(this.config.repoRoot, file).split("\\").join("/");
  }

  collectDiscriminatorChildren() {
    for (const file of this.specSet.roots) {
      const doc = this.specSet.load(file);
      for (const [name, def] of Object.entries(doc.definitions ?? {})) {
        for (const parent of def.allOf ?? []) {
          if (!parent.$ref) continue;
          const target = this.specSet.resolve(parent.$ref, file);
          if (!target.node.discriminator) continue;
          const key = `${target.file}#${target.pointer}`;
          const list = this.children.get(key) ?? [];
          list.push({
            key: `${file}#/definitions/${name}`,
            value: def["x-ms-discriminator-value"] ?? name,
            file,
            name,
          });
          this.children.set(key, list);
        }
      }
    }
  }

  collectOperations(file) {
    const doc = this.specSet.load(file);
    if (doc.info?.version) this.apiVersions.add(doc.info.version);
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const method of HTTP_METHODS) {
        const op = item[method];
        if (op) this.operations.push(this.buildOperation(file, doc, path, method, op, item.parameters ?? []));
      }
    }
  }

  /** A parameter, resolved, with whether it belongs to the client (spec-level and not marked `method`). */
  parameter(p, file) {
    let isGlobal = false;
    let node = p;
    let pFile = file;
    if (p.$ref) {
      const r = this.specSet.resolve(p.$ref, file);
      node = r.node;
      pFile = r.file;
      isGlobal = r.pointer.startsWith("/parameters/");
    }
    const location = node["x-ms-parameter-location"] ?? (isGlobal ? "client" : "method");
    return { node, file: pFile, location };
  }

  buildOperation(file, doc, path, method, op, pathLevelParams) {
    const operationId = op.operationId;
    const [groupRaw, nameRaw] = operationId.includes("_") ? operationId.split("_", 2) : ["", operationId];
    const params = [];
    const seen = new Set();
    for (const raw of [...pathLevelParams, ...(op.parameters ?? [])]) {
      const { node, file: pFile, location } = this.parameter(raw, file);
      const key = `${node.in}:${node.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const param = {
        wire: node.name,
        name: node["x-ms-client-name"] ? memberName(node["x-ms-client-name"]) : memberName(node.name),
        in: node.in,
        required: node.required === true,
        client: undefined,
        ty: undefined,
        skipEncoding: node["x-ms-skip-url-encoding"] === true,
        collectionFormat: node.collectionFormat,
        constant: undefined,
      };
      if (location === "client") {
        if (node.name === "subscriptionId") param.client = "subscriptionId";
        else if (node.name === "api-version") param.client = "apiVersion";
        else if (node.name === "$host") param.client = "$host";
        else
          this.warnings.push(`${operationId}: client parameter ${node.name} treated as a method parameter`);
      }
      const schemaNode = node.in === "body" ? node.schema : node;
      param.ty = this.typeOf(schemaNode, pFile, `${pascalCase(operationId)}${pascalCase(param.name)}`);
      if (node.in !== "body" && node.required && Array.isArray(node.enum) && node.enum.length === 1) {
        param.constant = node.enum[0];
      }
      if (node.in === "body") param.name = memberName(node.name);
      params.push(param);
    }
    const responses = {};
    const errorStatuses = [];
    for (const [status, response] of Object.entries(op.responses ?? {})) {
      if (status === "default") {
        // The error model is exported (as the official packages do) though errors are thrown, not returned.
        if (response.schema) this.typeOf(response.schema, file, `${pascalCase(operationId)}Error`);
        continue;
      }
      if (response["x-ms-error-response"] === true) {
        errorStatuses.push(Number(status));
        continue;
      }
      const schema = response.schema;
      responses[status] = schema
        ? this.typeOf(schema, file, `${pascalCase(operationId)}${status === "200" ? "" : status}Response`)
        : null;
    }
    const pageable = op["x-ms-pageable"];
    const lro = op["x-ms-long-running-operation"] === true;
    const produces = op.produces ?? doc.produces ?? ["application/json"];
    const consumes = op.consumes ?? doc.consumes ?? ["application/json"];
    const examples = Object.values(op["x-ms-examples"] ?? {})
      .map((e) => (e.$ref ? resolvePath(dirname(file), e.$ref.split("#")[0]) : undefined))
      .filter((f) => f !== undefined && existsSync(f))
      .map((f) => this.rel(f))
      .sort();
    return {
      operationId,
      groupRaw,
      // The official package's name where it renamed the operation (TypeSpec @clientName), so code ports.
      methodName: this.config.operationNames?.[operationId] ?? camelCase(nameRaw),
      httpMethod: method.toUpperCase(),
      path,
      params,
      responses,
      errorStatuses,
      pageable: pageable
        ? {
            nextLinkName: pageable.nextLinkName === undefined ? "nextLink" : pageable.nextLinkName,
            itemName: pageable.itemName ?? "value",
          }
        : undefined,
      lro: lro
        ? { finalStateVia: op["x-ms-long-running-operation-options"]?.["final-state-via"] }
        : undefined,
      produces,
      consumes,
      examples,
      specFile: this.rel(file),
      maxPageSizeParam: params.find((p) => p.in === "query" && LIST_PARAM_NAMES.has(p.wire.toLowerCase()))
        ?.name,
    };
  }

  /**
   * The type of a schema node. `nameHint` names an anonymous object model.
   * @returns {Ty}
   */
  typeOf(node, file, nameHint) {
    if (!node) return { k: "any" };
    if (node.$ref) {
      const r = this.specSet.resolve(node.$ref, file);
      const target = r.node;
      if (this.isModel(target)) return this.modelRef(r.file, r.pointer, r.name, target);
      return this.typeOf(target, r.file, pascalCase(r.name));
    }
    if (Array.isArray(node.allOf) && node.allOf.length === 1 && !node.properties && node.allOf[0].$ref) {
      return this.typeOf(node.allOf[0], file, nameHint);
    }
    if (this.isModel(node)) {
      // An anonymous object model: registered under a name made from where it appears.
      return this.modelRef(file, `#anon/${nameHint}`, nameHint, node);
    }
    const type = node.type ?? (node.additionalProperties ? "object" : undefined);
    switch (type) {
      case "string":
        if (node.format === "binary" || node.format === "file") return { k: "stream" };
        if (Array.isArray(node.enum)) return this.enumType(node, "string");
        return {
          k: "scalar",
          type: stringFormat(node.format),
          constraints: constraints(node),
          format: node.format,
        };
      case "integer":
      case "number":
        if (Array.isArray(node.enum) && node["x-ms-enum"]) return this.enumType(node, "number");
        return {
          k: "scalar",
          type: type === "integer" ? "integer" : "number",
          constraints: constraints(node),
          format: node.format,
        };
      case "boolean":
        return { k: "scalar", type: "boolean", constraints: {} };
      case "file":
        return { k: "stream" };
      case "array":
        return {
          k: "array",
          items: this.typeOf(node.items, file, `${nameHint}Item`),
          minItems: node.minItems,
          maxItems: node.maxItems,
        };
      case "object": {
        const ap = node.additionalProperties;
        if (ap && typeof ap === "object" && Object.keys(ap).length > 0) {
          return { k: "dict", values: this.typeOf(ap, file, `${nameHint}Value`) };
        }
        if (ap === true || (ap && typeof ap === "object")) return { k: "dict", values: { k: "any" } };
        return { k: "object-any" };
      }
      default:
        return { k: "any" };
    }
  }

  isModel(node) {
    return Boolean(
      node &&
        (node.properties ||
          node.discriminator ||
          (Array.isArray(node.allOf) && node.allOf.length > 0) ||
          (node.type === "object" && node.additionalProperties === undefined && node.properties)),
    );
  }

  enumType(node, base) {
    const xe = node["x-ms-enum"];
    const values = (xe?.values?.map((v) => v.value) ?? node.enum).slice();
    const extensible = xe ? xe.modelAsString !== false : false;
    if (!xe?.name) return { k: "enum", values, extensible, base };
    const name = pascalCase(xe.name);
    const existing = this.enums.get(name);
    if (existing) {
      for (const v of values) if (!existing.values.includes(v)) existing.values.push(v);
      existing.extensible ||= extensible;
    } else {
      this.enums.set(name, { name, values, extensible, base });
    }
    return { k: "enum", name, values, extensible, base };
  }

  uniqueName(base, key) {
    let name = pascalCase(base);
    let n = 1;
    while (this.models.has(name) && this.models.get(name).key !== key) name = `${pascalCase(base)}${++n}`;
    return name;
  }

  modelRef(file, pointer, rawName, node) {
    const key = `${file}#${pointer}`;
    let model = this.modelsByKey.get(key);
    if (!model) {
      const name = this.uniqueName(node["x-ms-client-name"] ?? rawName, key);
      model = { name, key, file, node, built: false };
      this.modelsByKey.set(key, model);
      this.models.set(name, model);
      this.buildModelBody(model);
    }
    return { k: "ref", name: model.name, poly: Boolean(model.discriminator) };
  }

  buildModelBody(model) {
    const { node, file } = model;
    model.parents = [];
    model.ownProps = [];
    model.discriminator = node.discriminator;
    model.discriminatorValue = node["x-ms-discriminator-value"];
    for (const part of node.allOf ?? []) {
      if (part.$ref) {
        const r = this.specSet.resolve(part.$ref, file);
        const ty = this.modelRef(r.file, r.pointer, r.name, r.node);
        model.parents.push(ty.name);
      } else {
        this.addProperties(model, part, file);
      }
    }
    this.addProperties(model, node, file);
    const ap = node.additionalProperties;
    if (ap === true || (ap && typeof ap === "object")) {
      model.additionalProperties =
        ap === true || Object.keys(ap).length === 0 ? true : this.typeOf(ap, file, `${model.name}Value`);
    }
    if (model.discriminator) {
      model.subtypes = [];
      for (const child of this.children.get(model.key) ?? []) {
        const r = this.specSet.resolve(`#/definitions/${child.name}`, child.file);
        const ty = this.modelRef(r.file, r.pointer, r.name, r.node);
        model.subtypes.push({ value: child.value, name: ty.name });
      }
    }
    model.built = true;
  }

  addProperties(model, node, file) {
    const required = new Set(node.required ?? []);
    for (const [wire, raw] of Object.entries(node.properties ?? {})) {
      const resolved = this.specSet.deref(raw, file);
      const readOnly =
        raw.readOnly === true || (raw.$ref === undefined ? false : resolved.node.readOnly === true);
      if (
        raw["x-ms-client-flatten"] === true &&
        this.isModel(resolved.node) &&
        !resolved.node.discriminator
      ) {
        const ty = this.typeOf(raw, file, `${model.name}${pascalCase(wire)}`);
        model.ownProps.push({ flattenFrom: ty.name, wire, readOnly, required: required.has(wire) });
        continue;
      }
      const name = raw["x-ms-client-name"] ? memberName(raw["x-ms-client-name"]) : memberName(wire);
      model.ownProps.push({
        name,
        wirePath: [wire],
        ty: this.typeOf(raw, file, `${model.name}${pascalCase(wire)}`),
        required: required.has(wire),
        readOnly,
        nullable: raw["x-nullable"] === true,
        defaultValue: raw.default,
        format: resolved.node.format,
      });
    }
  }

  /** The properties of a model including its bases', flattened ones lifted (what the wire shape needs). */
  allProps(name, stack = []) {
    const model = this.models.get(name);
    if (stack.includes(name)) return [];
    const out = [];
    for (const parent of model.parents) out.push(...this.allProps(parent, [...stack, name]));
    out.push(...this.expandOwn(model, [...stack, name]));
    return dedupeProps(out);
  }

  /** A model's own properties with flattened ones replaced by what they lift. */
  expandOwn(model, stack = []) {
    if (model.expanded) return model.expanded;
    const out = [];
    for (const p of model.ownProps) {
      if (!p.flattenFrom) {
        out.push(p);
        continue;
      }
      for (const inner of this.allProps(p.flattenFrom, stack)) {
        out.push({
          ...inner,
          wirePath: [p.wire, ...inner.wirePath],
          readOnly: inner.readOnly || p.readOnly,
          required: inner.required && p.required,
          flattened: true,
        });
      }
    }
    // A lifted property whose name a property of the model already has keeps the wire prefix in its name.
    const names = new Set();
    for (const p of out) {
      if (names.has(p.name) && p.flattened) p.name = memberName(`${p.wirePath[0]}_${p.name}`);
      names.add(p.name);
    }
    model.expanded = out;
    return out;
  }

  finish() {
    for (const model of this.models.values()) this.expandOwn(model);
  }

  result() {
    const models = [...this.models.values()].sort((a, b) => a.name.localeCompare(b.name));
    const enums = [...this.enums.values()].sort((a, b) => a.name.localeCompare(b.name));
    return {
      models,
      enums,
      operations: this.operations,
      apiVersions: [...this.apiVersions].sort(),
      allProps: (name) => this.allProps(name),
      warnings: this.warnings,
      specFiles: this.specSet.roots.map((f) => this.rel(f)),
    };
  }
}

function dedupeProps(props) {
  const byName = new Map();
  for (const p of props) byName.set(p.name, p);
  return [...byName.values()];
}

function stringFormat(format) {
  switch (format) {
    case "date-time":
      return "date-time";
    case "date-time-rfc1123":
      return "date-time-rfc1123";
    case "date":
      return "date";
    case "byte":
      return "bytes";
    case "base64url":
      return "bytes-url";
    case "duration":
      return "duration";
    case "unixtime":
      return "unix-time";
    default:
      return "string";
  }
}

function constraints(node) {
  const c = {};
  for (const key of ["pattern", "minLength", "maxLength", "minimum", "maximum"]) {
    if (node[key] !== undefined) c[key] = node[key];
  }
  if (node.exclusiveMinimum === true && c.minimum !== undefined) {
    c.exclusiveMinimum = c.minimum;
    delete c.minimum;
  }
  if (node.exclusiveMaximum === true && c.maximum !== undefined) {
    c.exclusiveMaximum = c.maximum;
    delete c.maximum;
  }
  return c;
}
