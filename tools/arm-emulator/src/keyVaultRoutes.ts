import type { ArmRequest, ArmResponse } from "./context.js";
import { notServed } from "./notServed.js";
import { handleVaultChild } from "./vaultChildren.js";
import {
  handleCheckName,
  handleDeletedVault,
  handleDeletedVaultList,
  handleVault,
  handleVaultList,
} from "./vaults.js";

/** Vault child routes the emulator serves (`.../vaults/{name}/{child}`). */
const VAULT_CHILDREN = new Set(["accesspolicies", "privateendpointconnections", "privatelinkresources"]);

/**
 * Any other Key Vault type (managed HSMs, vault secrets and keys, ...) is a 501 naming it, never a
 * generic (silent) success.
 */
function notImplemented(r: ArmRequest, rest: string[]): never {
  throw notServed(r, `Microsoft.KeyVault/${rest.filter((_, i) => i % 2 === 0).join("/")}`);
}

/** `/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.KeyVault/{rest...}`. */
export function routeKeyVaultInGroup(r: ArmRequest, sub: string, rg: string, rest: string[]): ArmResponse {
  const lower = rest.map((s) => s.toLowerCase());
  if (lower[0] !== "vaults") notImplemented(r, rest);
  if (rest.length === 1) return handleVaultList(r, sub, rg);
  if (rest.length === 2) return handleVault(r, sub, rg, rest[1]!);
  if (VAULT_CHILDREN.has(lower[2]!)) return handleVaultChild(r, sub, rg, rest[1]!, rest.slice(2));
  return notImplemented(r, rest);
}

/** `/subscriptions/{s}/providers/Microsoft.KeyVault/{rest...}` (operation status URLs excepted). */
export function routeKeyVaultInSubscription(r: ArmRequest, sub: string, rest: string[]): ArmResponse {
  const lower = rest.map((s) => s.toLowerCase());
  if (rest.length === 1 && lower[0] === "checknameavailability") return handleCheckName(r);
  if (rest.length === 1 && lower[0] === "vaults") return handleVaultList(r, sub);
  if (rest.length === 1 && lower[0] === "deletedvaults") return handleDeletedVaultList(r, sub);
  if (lower[0] === "locations" && lower[2] === "deletedvaults" && (rest.length === 4 || rest.length === 5)) {
    if (rest.length === 5 && lower[4] !== "purge") throw notServed(r);
    return handleDeletedVault(r, sub, rest[1]!, rest[3]!, rest.length === 5);
  }
  return notImplemented(r, rest);
}
