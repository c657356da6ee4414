import { randomUUID } from "node:crypto";
import { ArmError } from "./armError.js";
import { type ArmRequest, type ArmResponse, bodyObject, startOperation } from "./context.js";
import { paginate } from "./paging.js";
import { methodNotAllowed, requireWritableGroup } from "./resourceGroups.js";
import type { ResourceRecord } from "./store.js";
import { assertValid } from "./validation.js";
import { siteState } from "./webModel.js";
import { startWebOperation } from "./webOperations.js";
import { webSchema } from "./webSchemas.js";
import { requireSite, type SiteRef } from "./webSites.js";

/** What a stored backup keeps beside its BackupItem properties. */
interface StoredBackup extends Record<string, unknown> {
  id: number;
  pendingOperationId?: string;
}

function backupsOf(site: ResourceRecord): StoredBackup[] {
  const state = siteState(site);
  state.backups ??= [];
  return state.backups as StoredBackup[];
}

/**
 * A backup's status counts as polled when read: `InProgress` for `lro.polls` reads, then
 * `Succeeded`. Operations do not survive a restart: a backup whose operation is gone has finished.
 */
function advance(r: ArmRequest, backup: StoredBackup): void {
  if (!backup.pendingOperationId) return;
  const op = r.ctx.operations.get(backup.pendingOperationId);
  if (!op) finish(backup, "Succeeded");
  if (!op || r.ctx.operations.poll(op)) delete backup.pendingOperationId;
}

function finish(backup: StoredBackup, status: "Succeeded" | "Failed"): void {
  Object.assign(backup, { status, finishedTimeStamp: new Date().toISOString(), log: status });
}

function render(site: ResourceRecord, backup: StoredBackup, withSecrets: boolean): Record<string, unknown> {
  const { pendingOperationId: _p, ...properties } = backup;
  if (!withSecrets) {
    // The SAS (or account key) of the storage URL is only returned by the `list` (with secrets) read.
    properties.storageAccountUrl = String(properties.storageAccountUrl ?? "").split("?")[0];
  }
  return { id: `${site.id}/backups/${backup.id}`, name: site.name, type: site.type, properties };
}

function findBackup(site: ResourceRecord, backupId: string): StoredBackup {
  const backup = backupsOf(site).find((b) => String(b.id) === backupId);
  if (!backup) {
    const message = `Backup with id ${backupId} not found for site '${site.name}'.`;
    throw new ArmError(404, "NotFound", message, { details: [{ code: "NotFound", message }] });
  }
  return backup;
}

/**
 * WebApps_Backup (`POST backup`): records a backup in `InProgress` that reads `Succeeded` after
 * `lro.polls` reads of it (nothing is copied anywhere: there is no site content).
 */
export function handleBackup(r: ArmRequest, ref: SiteRef): ArmResponse {
  if (r.method !== "POST") throw methodNotAllowed(r.method);
  requireWritableGroup(r, ref.sub, ref.rg);
  const site = requireSite(r, ref);
  assertValid(webSchema("BackupRequest"), r.body);
  const request = bodyObject(bodyObject(r.body).properties);
  const backups = backupsOf(site);
  const id = backups.reduce((max, b) => Math.max(max, b.id), 0) + 1;
  const now = new Date().toISOString();
  const name =
    typeof request.backupName === "string"
      ? request.backupName
      : `${site.name.replace("/", "-")}_${now.slice(0, 10)}`;
  const backup: StoredBackup = {
    id,
    storageAccountUrl: request.storageAccountUrl,
    blobName: `${name}.zip`,
    name,
    status: "InProgress",
    sizeInBytes: 0,
    websiteSizeInBytes: 0,
    created: now,
    log: "",
    databases: Array.isArray(request.databases) ? request.databases : [],
    scheduled: false,
    lastRestoreTimeStamp: null,
    finishedTimeStamp: null,
    correlationId: randomUUID(),
  };
  const op = startOperation(
    r,
    ref.sub,
    () => {
      finish(backup, "Succeeded");
      r.ctx.store.changed();
    },
    {
      error: { code: "BackupFailed", message: `Backup of '${site.name}' failed (injected lroFailure).` },
      fail: () => {
        finish(backup, "Failed");
        r.ctx.store.changed();
      },
    },
  );
  if (op.status === "InProgress") backup.pendingOperationId = op.id;
  backups.push(backup);
  r.ctx.store.putResource(site);
  return { status: 200, body: render(site, backup, false), provider: "web" };
}

/** WebApps_ListBackups (`GET backups`) and WebApps_ListSiteBackups[Slot] (`POST listbackups`). */
export function handleBackupList(r: ArmRequest, ref: SiteRef, method: "GET" | "POST"): ArmResponse {
  if (r.method !== method) throw methodNotAllowed(r.method);
  const site = requireSite(r, ref);
  const items = backupsOf(site).map((b) => {
    advance(r, b);
    return { key: String(b.id).padStart(12, "0"), value: render(site, b, false) };
  });
  return {
    status: 200,
    body: paginate(items, r.url, r.ctx.baseUrl(), r.ctx.options.pageSize),
    provider: "web",
  };
}

/**
 * One backup: WebApps_GetBackupStatus (GET), _DeleteBackup (DELETE; 404 when unknown, as the spec
 * lists), _ListBackupStatusSecrets (`POST .../list`), _Restore (`POST .../restore`, an LRO with
 * Azure-AsyncOperation that stamps `lastRestoreTimeStamp`).
 */
export function handleBackupItem(
  r: ArmRequest,
  ref: SiteRef,
  backupId: string,
  action?: "list" | "restore",
): ArmResponse {
  const site = requireSite(r, ref);
  if (action === undefined && r.method === "GET") {
    const backup = findBackup(site, backupId);
    advance(r, backup);
    return { status: 200, body: render(site, backup, false), provider: "web" };
  }
  if (action === undefined && r.method === "DELETE") {
    requireWritableGroup(r, ref.sub, ref.rg);
    const backup = findBackup(site, backupId);
    siteState(site).backups = backupsOf(site).filter((b) => b !== backup);
    r.ctx.store.putResource(site);
    return { status: 200, provider: "web" };
  }
  if (action === "list" && r.method === "POST") {
    if (r.body !== undefined) assertValid(webSchema("BackupRequest"), r.body);
    const backup = findBackup(site, backupId);
    advance(r, backup);
    return { status: 200, body: render(site, backup, true), provider: "web" };
  }
  if (action === "restore" && r.method === "POST") {
    requireWritableGroup(r, ref.sub, ref.rg);
    assertValid(webSchema("RestoreRequest"), r.body);
    const backup = findBackup(site, backupId);
    const { status, headers } = startWebOperation(
      r,
      ref.sub,
      (opId) =>
        `/subscriptions/${ref.sub}/providers/Microsoft.Web/sites/${ref.name}/operationResults/${opId}`,
      {
        complete: () => {
          backup.lastRestoreTimeStamp = new Date().toISOString();
          r.ctx.store.changed();
        },
        fail: () => {},
        error: { code: "RestoreFailed", message: `Restoring '${site.name}' failed (injected lroFailure).` },
      },
    );
    return { status, headers, provider: "web" };
  }
  throw methodNotAllowed(r.method);
}
