// What the management scenarios read, put into the ARM emulator with plain HTTPS requests (so the
// fixtures do not depend on either SDK being built): resource groups, vaults, an App Service plan
// and web apps, each long-running create followed until it is done.
import { request } from "node:https";

/** One JSON request to the emulator; resolves with the status and the parsed body. */
export function armRequest(arm, method, path, body) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, arm.url),
      {
        method,
        ca: arm.ca,
        headers: {
          authorization: `Bearer ${arm.token}`,
          ...(payload ? { "content-type": "application/json" } : {}),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8").on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () => {
          const parsed = text ? JSON.parse(text) : undefined;
          if (res.statusCode >= 400) reject(new Error(`${method} ${path}: ${res.statusCode} ${text}`));
          else resolve({ status: res.statusCode, body: parsed });
        });
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

const subscriptionPath = (arm) => `/subscriptions/${arm.subscriptionId}`;

/** PUTs a resource and reads it until ARM says it is provisioned. */
async function putAndWait(arm, path, body) {
  await armRequest(arm, "PUT", path, body);
  for (let i = 0; i < 20; i++) {
    const { body: read } = await armRequest(arm, "GET", path);
    const state = read?.properties?.provisioningState;
    if (state === undefined || state === "Succeeded") return read;
  }
  throw new Error(`${path} was not provisioned`);
}

/** A resource group; returns its path. */
export async function createGroup(arm, name) {
  const path = `${subscriptionPath(arm)}/resourceGroups/${name}`;
  await armRequest(arm, "PUT", `${path}?api-version=2025-04-01`, { location: "westus" });
  return path;
}

/** A Key Vault (standard, no access policies) in `group`. */
export async function createVault(arm, group, name) {
  const path = `${subscriptionPath(arm)}/resourceGroups/${group}/providers/Microsoft.KeyVault/vaults/${name}?api-version=2025-05-01`;
  return putAndWait(arm, path, vaultBody(arm));
}

/** The body of a new vault, as both SDKs send it. */
export function vaultBody(arm) {
  return {
    location: "westus",
    properties: { tenantId: arm.tenantId, sku: { family: "A", name: "standard" }, accessPolicies: [] },
  };
}

/** A Linux B1 App Service plan in `group`; returns its id. */
export async function createPlan(arm, group, name) {
  const id = `${subscriptionPath(arm)}/resourceGroups/${group}/providers/Microsoft.Web/serverfarms/${name}`;
  await putAndWait(arm, `${id}?api-version=2025-03-01`, {
    location: "westus",
    kind: "linux",
    properties: { reserved: true },
    sku: { name: "B1" },
  });
  return id;
}

/** A Python web app on `planId` in `group`. */
export async function createSite(arm, group, name, planId) {
  const path = `${subscriptionPath(arm)}/resourceGroups/${group}/providers/Microsoft.Web/sites/${name}?api-version=2025-03-01`;
  return putAndWait(arm, path, siteBody(planId));
}

/** The body of a new web app (flattened form, as the SDKs take it, is built by the scenarios). */
function siteBody(planId) {
  return {
    location: "westus",
    properties: { serverFarmId: planId, siteConfig: { linuxFxVersion: "PYTHON|3.11" } },
  };
}
