import { ArmError } from "./armError.js";
import type { ArmRequest, ArmResponse } from "./context.js";
import { handleAuthSettings } from "./webAuthSettings.js";
import { handleBackup, handleBackupItem, handleBackupList } from "./webBackups.js";
import { handleKeyVaultReferences } from "./webKeyVaultReferences.js";
import { handleWebOperationResult } from "./webOperations.js";
import { handlePlan, handlePlanList, handlePlanSites } from "./webPlans.js";
import { handlePublishingPolicies } from "./webPublishingPolicies.js";
import { webOperationId } from "./webSchemas.js";
import {
  handleAzureStorageAccounts,
  handleConfigList,
  handleConfigWeb,
  handlePublishingCredentials,
  handlePublishXml,
  handleSettings,
  handleSlotConfigNames,
  handleSourceControl,
} from "./webSiteConfig.js";
import {
  handleMachineKey,
  handleSite,
  handleSiteList,
  handleSitePower,
  handleSlotConfigPreview,
  handleSlotSwap,
  type SiteRef,
} from "./webSites.js";

/**
 * Microsoft.Web as App Service serves it: serverfarms (App Service plans), sites and slots, their
 * configuration, settings, source control, publishing credentials and profile, start/stop/restart
 * and swap. Every other operation of the spec answers 501 naming its operationId, so a test never
 * mistakes an unserved call for success.
 */

/** Routes `/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Web/{rest...}`. */
export function routeWebInGroup(r: ArmRequest, sub: string, rg: string, rest: string[]): ArmResponse {
  const lower = rest.map((s) => s.toLowerCase());
  const [type, name] = lower;
  if (type === "serverfarms") {
    if (rest.length === 1) return handlePlanList(r, sub, rg);
    if (rest.length === 2) return handlePlan(r, sub, rg, rest[1]!);
    if (rest.length === 3 && lower[2] === "sites") return handlePlanSites(r, sub, rg, rest[1]!);
    if (rest.length === 4 && lower[2] === "operationresults") return handleWebOperationResult(r, rest[3]!);
  }
  if (type === "sites" && name !== undefined) {
    const ref: SiteRef = { sub, rg, name: rest[1]! };
    let tail = lower.slice(2);
    if (tail[0] === "slots") {
      if (tail.length === 1) return handleSiteList(r, sub, rg, ref.name);
      ref.slot = rest[3]!;
      tail = tail.slice(2);
    }
    const served = routeSiteTail(r, ref, tail);
    if (served) return served;
  } else if (type === "sites" && rest.length === 1) {
    return handleSiteList(r, sub, rg);
  }
  throw webNotServed(r);
}

function routeSiteTail(r: ArmRequest, ref: SiteRef, tail: string[]): ArmResponse | undefined {
  const path = tail.join("/");
  switch (path) {
    case "":
      return handleSite(r, ref);
    case "config":
      return handleConfigList(r, ref);
    case "config/web":
      return handleConfigWeb(r, ref);
    case "config/appsettings":
      return handleSettings(r, ref, "appsettings", false);
    case "config/appsettings/list":
      return handleSettings(r, ref, "appsettings", true);
    case "config/connectionstrings":
      return handleSettings(r, ref, "connectionstrings", false);
    case "config/connectionstrings/list":
      return handleSettings(r, ref, "connectionstrings", true);
    case "config/slotconfignames":
      return ref.slot === undefined ? handleSlotConfigNames(r, ref) : undefined;
    case "config/publishingcredentials/list":
      return handlePublishingCredentials(r, ref);
    case "publishxml":
      return handlePublishXml(r, ref);
    case "sourcecontrols/web":
      return handleSourceControl(r, ref);
    case "start":
    case "stop":
    case "restart":
      return handleSitePower(r, ref, path);
    case "slotsswap":
      return handleSlotSwap(r, ref);
    case "applyslotconfig":
      return handleSlotConfigPreview(r, ref, "apply");
    case "resetslotconfig":
      return handleSlotConfigPreview(r, ref, "reset");
    case "updatemachinekey":
      return handleMachineKey(r, ref);
    case "config/azurestorageaccounts":
      return handleAzureStorageAccounts(r, ref, false);
    case "config/azurestorageaccounts/list":
      return handleAzureStorageAccounts(r, ref, true);
    case "config/authsettings":
      return handleAuthSettings(r, ref, "v1", false);
    case "config/authsettings/list":
      return handleAuthSettings(r, ref, "v1", true);
    case "config/authsettingsv2":
      return handleAuthSettings(r, ref, "v2", false);
    case "config/authsettingsv2/list":
      return handleAuthSettings(r, ref, "v2", true);
    case "basicpublishingcredentialspolicies":
      return handlePublishingPolicies(r, ref);
    case "basicpublishingcredentialspolicies/ftp":
      return handlePublishingPolicies(r, ref, "ftp");
    case "basicpublishingcredentialspolicies/scm":
      return handlePublishingPolicies(r, ref, "scm");
    case "backup":
      return handleBackup(r, ref);
    case "backups":
      return handleBackupList(r, ref, "GET");
    case "listbackups":
      return handleBackupList(r, ref, "POST");
    case "config/configreferences/appsettings":
    case "config/configreferences/connectionstrings":
      return handleKeyVaultReferences(r, ref, tail[2] as "appsettings" | "connectionstrings");
  }
  if (tail[0] === "backups" && tail.length === 2) return handleBackupItem(r, ref, tail[1]!);
  if (tail[0] === "backups" && tail.length === 3 && (tail[2] === "list" || tail[2] === "restore")) {
    return handleBackupItem(r, ref, tail[1]!, tail[2]);
  }
  if (
    tail.length === 4 &&
    tail[1] === "configreferences" &&
    /^(appsettings|connectionstrings)$/.test(tail[2]!)
  ) {
    // The key keeps the caller's spelling (tail is lower-cased for matching).
    const key = decodeURIComponent(r.url.pathname.split("/").pop()!);
    return handleKeyVaultReferences(r, ref, tail[2] as "appsettings" | "connectionstrings", key);
  }
  return undefined;
}

/** Routes `/subscriptions/{s}/providers/Microsoft.Web/{rest...}`. */
export function routeWebInSubscription(r: ArmRequest, sub: string, rest: string[]): ArmResponse {
  const lower = rest.map((s) => s.toLowerCase());
  if (rest.length === 1 && lower[0] === "serverfarms") return handlePlanList(r, sub);
  if (rest.length === 1 && lower[0] === "sites") return handleSiteList(r, sub);
  if (rest.length === 4 && lower[0] === "sites" && lower[2] === "operationresults") {
    return handleWebOperationResult(r, rest[3]!);
  }
  throw webNotServed(r);
}

/**
 * The answer to a Microsoft.Web request the emulator does not serve: 501 naming the spec's
 * operation (501 is not retried by Azure SDK clients), or 404 when no operation matches the path.
 */
export function webNotServed(r: ArmRequest): ArmError {
  const operationId = webOperationId(r.method, r.url.pathname);
  if (operationId) {
    return new ArmError(
      501,
      "NotImplemented",
      `The arm-emulator does not implement the operation '${operationId}' (${r.method} ${r.url.pathname}); see tools/arm-emulator/README.md for what it serves.`,
    );
  }
  return new ArmError(
    404,
    "NotFound",
    `No Microsoft.Web operation matches '${r.method} ${r.url.pathname}' (see tools/arm-emulator/README.md).`,
    { origin: "gateway" },
  );
}
