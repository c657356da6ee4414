// Example replay: every x-ms-examples file of the generated operations, sent through the generated
// client to a loopback server that checks the request (method, path, query, body as JSON) against
// the example and answers with the example's response, which the client must deserialize.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { buildModel } from "./buildModel.mjs";
import { operationCalls } from "./emitClient.mjs";

const ARM = "https://management.azure.com";
const TERMINAL = new Set(["succeeded", "failed", "canceled", "cancelled"]);

/** A credential that hands out a fixed token (the loopback server does not check it). */
export const staticTokenCredential = {
  getToken: async () => ({ token: "replay-token", expiresOnTimestamp: Date.now() + 3_600_000 }),
};

/**
 * Replays every example of a package.
 * @param {{ packageDir: string, repoRoot: string, createClient: (endpoint: string, subscriptionId: string) => any }} options
 * @returns {Promise<{ total: number, passed: number, failures: { example: string, operationId: string, error: string }[], notes: string[] }>}
 */
export async function replayExamples(options) {
  const { packageDir, repoRoot, createClient } = options;
  const config = JSON.parse(readFileSync(join(packageDir, "codegen.json"), "utf8"));
  const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
  const model = buildModel({
    specs: config.specs.map((s) => join(repoRoot, s)),
    repoRoot,
    clientName: config.clientName,
    operationNames: config.operationNames,
  });
  const calls = operationCalls(model, { ...config, packageName: pkg.name });
  const modelsByName = new Map(model.models.map((m) => [m.name, m]));
  const convert = new WireConverter(model, modelsByName);

  let current;
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => current.handle(req, Buffer.concat(chunks).toString("utf8"), res));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${server.address().port}`;

  const failures = [];
  const notes = [];
  let total = 0;
  try {
    for (const call of calls) {
      for (const exampleFile of call.examples) {
        total++;
        const example = JSON.parse(readFileSync(join(repoRoot, exampleFile), "utf8"));
        try {
          current = new ExampleExchange(call, example, origin, convert);
          await runCall(
            call,
            example,
            createClient(origin, String(example.parameters.subscriptionId ?? "sub")),
            convert,
          );
          const problems = current.problems();
          if (problems.length > 0) throw new Error(problems.join("; "));
          notes.push(...current.notes.map((n) => `${exampleFile}: ${n}`));
        } catch (error) {
          failures.push({
            example: exampleFile,
            operationId: call.operationId,
            error: String(error?.stack ?? error)
              .split("\n")
              .slice(0, 3)
              .join(" | "),
          });
        }
      }
    }
  } finally {
    server.closeAllConnections?.();
    await new Promise((r) => server.close(r));
  }
  return { total, passed: total - failures.length, failures, notes };
}

async function runCall(call, example, client, convert) {
  const p = example.parameters;
  const args = call.positional.map((param) => convert.toCode(param.ty, p[param.wire]));
  const opts = {};
  for (const param of call.optional) {
    if (p[param.wire] !== undefined) opts[param.name] = convert.toCode(param.ty, p[param.wire]);
  }
  const group = client[call.group];
  if (!group) throw new Error(`client has no operation group ${call.group}`);
  switch (call.kind) {
    case "paged": {
      const items = [];
      for await (const item of group[call.method](...args, opts)) items.push(item);
      return items;
    }
    case "lro": {
      const name = call.methods[call.methods.length - 1];
      return group[name](...args, { ...opts, updateIntervalInMs: 0 });
    }
    default: {
      const result = await group[call.method](...args, opts);
      if (call.stream && result?.readableStreamBody) {
        for await (const _ of result.readableStreamBody) {
          // drain
        }
      }
      return result;
    }
  }
}

/** The loopback side of one example: checks the first request, answers every request. */
class ExampleExchange {
  constructor(call, example, origin, convert) {
    this.call = call;
    this.example = example;
    this.origin = origin;
    this.convert = convert;
    this.requests = [];
    this.errors = [];
    this.notes = [];
    const statuses = Object.keys(example.responses ?? {}).filter((s) => s.startsWith("2"));
    const preference = call.kind === "lro" ? ["200", "201", "204", "202"] : ["200", "201", "202", "204"];
    this.status = preference.find((s) => statuses.includes(s)) ?? statuses[0] ?? "200";
    this.response = example.responses?.[this.status] ?? {};
  }

  handle(req, bodyText, res) {
    const index = this.requests.length;
    this.requests.push({ method: req.method, url: req.url, body: bodyText, headers: req.headers });
    if (index === 0) this.checkFirst(req, bodyText);
    let status = Number(this.status);
    let body = this.response.body;
    const headers = { "content-type": "application/json" };
    if (index > 0) {
      if (this.call.kind === "paged") body = { value: [] };
      else if (this.call.kind === "lro") {
        status = body === undefined ? 204 : 200;
        body = settled(body);
      }
    } else if (this.call.kind === "lro" && status === 202) {
      headers.location = `${this.origin}/__replay/operation`;
      body = undefined;
    }
    if (this.call.kind === "head" || req.method === "HEAD") {
      res.writeHead(status);
      res.end();
      return;
    }
    if (this.call.stream) {
      res.writeHead(status, { "content-type": "application/octet-stream" });
      res.end(typeof body === "string" ? body : "replayed-bytes");
      return;
    }
    if (body === undefined) {
      res.writeHead(status);
      res.end();
      return;
    }
    const text = (
      typeof body === "string" && this.call.httpMethod !== "GET" ? JSON.stringify(body) : JSON.stringify(body)
    )
      .split(ARM)
      .join(this.origin);
    res.writeHead(status, headers);
    res.end(text);
  }

  checkFirst(req, bodyText) {
    const call = this.call;
    const p = this.example.parameters;
    if (req.method !== call.httpMethod) this.errors.push(`method ${req.method}, example ${call.httpMethod}`);
    const url = new URL(req.url, this.origin);
    let expectedPath = call.path;
    for (const param of call.params) {
      if (param.in !== "path") continue;
      const value = p[param.wire];
      if (value === undefined) continue;
      expectedPath = expectedPath.replace(`{${param.wire}}`, String(value));
    }
    expectedPath = expectedPath.replace(/^\/{2,}/, "/");
    const actualPath = safeDecode(url.pathname);
    if (actualPath !== safeDecode(expectedPath))
      this.errors.push(`path ${actualPath}, example ${expectedPath}`);
    for (const param of call.params) {
      if (param.in !== "query") continue;
      const value = p[param.wire];
      if (value === undefined || param.client === "apiVersion") continue;
      const actual = url.searchParams.get(param.wire);
      if (actual !== String(Array.isArray(value) ? value.join(",") : value)) {
        this.errors.push(`query ${param.wire}=${actual}, example ${value}`);
      }
    }
    const apiVersion = p["api-version"];
    if (apiVersion !== undefined && url.searchParams.get("api-version") !== apiVersion) {
      this.errors.push(`api-version ${url.searchParams.get("api-version")}, example ${apiVersion}`);
    }
    const bodyParam = call.params.find((x) => x.in === "body");
    if (bodyParam && p[bodyParam.wire] !== undefined) {
      const sent = bodyText ? JSON.parse(bodyText) : undefined;
      const diffs = [];
      this.convert.compare(bodyParam.ty, sent, p[bodyParam.wire], "body", diffs, this.notes);
      if (diffs.length > 0) this.errors.push(`body differs: ${diffs.slice(0, 4).join(", ")}`);
    }
  }

  problems() {
    if (this.requests.length === 0) return ["no request was sent"];
    return this.errors;
  }
}

function settled(body) {
  if (!body || typeof body !== "object") return body;
  const state = body.properties?.provisioningState ?? body.status;
  if (typeof state === "string" && !TERMINAL.has(state.toLowerCase())) {
    const copy = structuredClone(body);
    if (copy.properties?.provisioningState) copy.properties.provisioningState = "Succeeded";
    if (typeof copy.status === "string") copy.status = "Succeeded";
    return copy;
  }
  return body;
}

function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Converts example (wire) values to the code shape the generated types take, and compares bodies. */
class WireConverter {
  constructor(model, modelsByName) {
    this.model = model;
    this.modelsByName = modelsByName;
  }

  props(name) {
    return this.model.allProps(name);
  }

  resolveRef(ty, value) {
    const m = this.modelsByName.get(ty.name);
    if (ty.poly && m?.discriminator && value && typeof value === "object") {
      const sub = m.subtypes.find((s) => s.value === value[m.discriminator]);
      if (sub) return sub.name;
    }
    return ty.name;
  }

  toCode(ty, value) {
    if (value === undefined || value === null) return value;
    switch (ty.k) {
      case "scalar":
        if (["date-time", "date-time-rfc1123", "date", "unix-time"].includes(ty.type)) {
          return ty.type === "unix-time" ? new Date(value * 1000) : new Date(value);
        }
        if ((ty.type === "bytes" || ty.type === "bytes-url") && typeof value === "string") {
          return new Uint8Array(Buffer.from(value, ty.type === "bytes" ? "base64" : "base64url"));
        }
        return value;
      case "array":
        return Array.isArray(value) ? value.map((v) => this.toCode(ty.items, v)) : value;
      case "dict":
        return isObject(value)
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.toCode(ty.values, v)]))
          : value;
      case "ref": {
        if (!isObject(value)) return value;
        const name = this.resolveRef(ty, value);
        const model = this.modelsByName.get(name);
        const out = {};
        const known = new Set();
        for (const prop of this.props(name)) {
          known.add(prop.wirePath[0]);
          if (prop.readOnly) continue;
          let v = value;
          for (const seg of prop.wirePath) v = isObject(v) ? v[seg] : undefined;
          if (v === undefined) continue;
          out[prop.name] = this.toCode(prop.ty, v);
        }
        if (model?.additionalProperties) {
          for (const [k, v] of Object.entries(value)) if (!known.has(k)) out[k] = v;
        }
        return out;
      }
      default:
        return value;
    }
  }

  /** Records differences between the sent body and the example's; read-only and unknown example keys are notes. */
  compare(ty, sent, expected, path, diffs, notes) {
    if (expected === undefined || expected === null) return;
    switch (ty.k) {
      case "ref": {
        if (!isObject(expected)) return this.leaf(sent, expected, path, diffs);
        if (!isObject(sent)) return diffs.push(`${path}: sent ${JSON.stringify(sent)}`);
        const name = this.resolveRef(ty, expected);
        const model = this.modelsByName.get(name);
        const props = this.props(name);
        const covered = new Set();
        for (const prop of props) {
          let e = expected;
          let s = sent;
          for (const seg of prop.wirePath) {
            e = isObject(e) ? e[seg] : undefined;
            s = isObject(s) ? s[seg] : undefined;
          }
          covered.add(prop.wirePath.join("."));
          if (e === undefined) continue;
          const where = `${path}.${prop.wirePath.join(".")}`;
          if (prop.readOnly) {
            if (s !== undefined) diffs.push(`${where}: read-only but sent`);
            else notes.push(`${where}: read-only in the spec, not sent`);
            continue;
          }
          this.compare(prop.ty, s, e, where, diffs, notes);
        }
        // Keys of the example the spec does not define (closed models drop them).
        for (const key of Object.keys(expected)) {
          if (props.some((p) => p.wirePath[0] === key)) {
            const nested = props.filter((p) => p.wirePath[0] === key && p.wirePath.length > 1);
            if (nested.length > 0 && isObject(expected[key])) {
              for (const inner of Object.keys(expected[key])) {
                if (!covered.has(`${key}.${inner}`) && !model?.additionalProperties) {
                  notes.push(`${path}.${key}.${inner}: not in the spec, not sent`);
                }
              }
            }
            continue;
          }
          if (model?.additionalProperties) this.leaf(sent[key], expected[key], `${path}.${key}`, diffs);
          else notes.push(`${path}.${key}: not in the spec, not sent`);
        }
        return;
      }
      case "array":
        if (!Array.isArray(expected) || !Array.isArray(sent)) return this.leaf(sent, expected, path, diffs);
        if (sent.length !== expected.length)
          return diffs.push(`${path}: ${sent.length} items, example ${expected.length}`);
        for (let i = 0; i < expected.length; i++) {
          this.compare(ty.items, sent[i], expected[i], `${path}[${i}]`, diffs, notes);
        }
        return;
      case "dict":
        if (!isObject(expected) || !isObject(sent)) return this.leaf(sent, expected, path, diffs);
        for (const [k, e] of Object.entries(expected))
          this.compare(ty.values, sent[k], e, `${path}.${k}`, diffs, notes);
        return;
      default:
        return this.leaf(sent, expected, path, diffs);
    }
  }

  leaf(sent, expected, path, diffs) {
    if (JSON.stringify(sent) === JSON.stringify(expected)) return;
    if (
      typeof sent === "string" &&
      typeof expected === "string" &&
      !Number.isNaN(Date.parse(sent)) &&
      Date.parse(sent) === Date.parse(expected)
    )
      return;
    if (
      typeof sent === "string" &&
      typeof expected === "string" &&
      sent.replace(/=+$/, "") === expected.replace(/=+$/, "")
    )
      return;
    if (isObject(sent) && isObject(expected) && deepEqualLoose(sent, expected)) return;
    diffs.push(
      `${path}: sent ${JSON.stringify(sent)?.slice(0, 80)}, example ${JSON.stringify(expected)?.slice(0, 80)}`,
    );
  }
}

function deepEqualLoose(a, b) {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (isObject(v))
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys(v[k])]),
    );
  return v;
}

function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
