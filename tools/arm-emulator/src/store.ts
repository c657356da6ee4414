import { readFileSync, renameSync, writeFileSync } from "node:fs";

/** `systemData` as ARM fills it. */
export interface SystemData {
  createdBy: string;
  createdByType: string;
  createdAt: string;
  lastModifiedBy: string;
  lastModifiedByType: string;
  lastModifiedAt: string;
}

/** A resource group as stored. */
export interface ResourceGroupRecord {
  subscriptionId: string;
  name: string;
  location: string;
  tags?: Record<string, string>;
  managedBy?: string;
  provisioningState: "Succeeded" | "Deleting";
}

/** A resource (vault, serverfarm, site or generic) as stored. */
export interface ResourceRecord {
  /** Canonical id, casing as created. */
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  /** Full type with the namespace, e.g. `Microsoft.KeyVault/vaults`. */
  type: string;
  name: string;
  location?: string;
  tags?: Record<string, string>;
  /** The other top-level members: properties, sku, kind, plan, identity, managedBy, ... */
  body: Record<string, unknown>;
  systemData: SystemData;
  etag?: string;
  /** The provisioning operation still running, if any. */
  pendingOperationId?: string;
}

/** A soft-deleted key vault. */
export interface DeletedVaultRecord {
  subscriptionId: string;
  name: string;
  location: string;
  vaultId: string;
  tags?: Record<string, string>;
  deletionDate: string;
  scheduledPurgeDate: string;
  purgeProtectionEnabled: boolean;
}

/** A predefined tag name of a subscription (Tags_CreateOrUpdate) and its predefined values. */
export interface PredefinedTagRecord {
  subscriptionId: string;
  name: string;
  values: string[];
}

interface Snapshot {
  groups: ResourceGroupRecord[];
  resources: ResourceRecord[];
  deletedVaults: DeletedVaultRecord[];
  predefinedTags?: PredefinedTagRecord[];
  /** Tags set on subscriptions (Tags_*AtScope), by subscription id. */
  subscriptionTags?: Record<string, Record<string, string>>;
  secrets?: PersistedSecrets;
}

/** Secrets kept with the state so credentials, tokens and the CA survive a CLI restart. */
export interface PersistedSecrets {
  clientSecret: string;
  signingKey: string;
  tls?: { key: string; cert: string };
}

const groupKey = (sub: string, rg: string): string => `${sub}/${rg}`.toLowerCase();

/** All emulated state, in memory, optionally mirrored to a JSON file. */
export class ArmStore {
  readonly groups = new Map<string, ResourceGroupRecord>();
  readonly resources = new Map<string, ResourceRecord>();
  readonly deletedVaults = new Map<string, DeletedVaultRecord>();
  /** Predefined tag names, by `{subscription}/{name}` lower-cased. */
  readonly predefinedTags = new Map<string, PredefinedTagRecord>();
  /** Tags of subscriptions, by subscription id lower-cased. */
  readonly subscriptionTags = new Map<string, Record<string, string>>();
  /** Namespaces unregistered with Providers_Unregister (lower-cased; in memory only). */
  readonly unregisteredProviders = new Set<string>();
  /** Secrets kept with the state so tokens, credentials and the CA survive a CLI restart. */
  secrets: PersistedSecrets | undefined;

  constructor(private readonly path?: string) {}

  /** Loads the state file, if one is configured and exists. */
  load(): void {
    if (!this.path) return;
    let snapshot: Snapshot;
    try {
      snapshot = JSON.parse(readFileSync(this.path, "utf8")) as Snapshot;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw new Error(`cannot read state file ${this.path}: ${(error as Error).message}`);
    }
    for (const g of snapshot.groups ?? []) {
      this.groups.set(groupKey(g.subscriptionId, g.name), { ...g, provisioningState: "Succeeded" });
    }
    for (const r of snapshot.resources ?? []) {
      // Operations do not survive a restart: whatever was provisioning has finished.
      const { pendingOperationId: _pending, ...rest } = r;
      const properties = rest.body.properties as Record<string, unknown> | undefined;
      if (properties && typeof properties.provisioningState === "string")
        properties.provisioningState = "Succeeded";
      this.resources.set(r.id.toLowerCase(), rest);
    }
    for (const d of snapshot.deletedVaults ?? []) this.deletedVaults.set(d.name.toLowerCase(), d);
    for (const t of snapshot.predefinedTags ?? [])
      this.predefinedTags.set(`${t.subscriptionId}/${t.name}`.toLowerCase(), t);
    for (const [sub, tags] of Object.entries(snapshot.subscriptionTags ?? {}))
      this.subscriptionTags.set(sub.toLowerCase(), tags);
    this.secrets = snapshot.secrets;
  }

  /** Writes the state file after a change (atomically: write then rename). */
  changed(): void {
    if (!this.path) return;
    const snapshot: Snapshot = {
      groups: [...this.groups.values()],
      resources: [...this.resources.values()],
      deletedVaults: [...this.deletedVaults.values()],
      predefinedTags: [...this.predefinedTags.values()],
      subscriptionTags: Object.fromEntries(this.subscriptionTags),
      ...(this.secrets ? { secrets: this.secrets } : {}),
    };
    writeFileSync(`${this.path}.tmp`, JSON.stringify(snapshot, null, 2));
    renameSync(`${this.path}.tmp`, this.path);
  }

  /** A group by subscription and name (case-insensitive). */
  getGroup(sub: string, rg: string): ResourceGroupRecord | undefined {
    return this.groups.get(groupKey(sub, rg));
  }

  /** Creates or replaces a group. */
  putGroup(group: ResourceGroupRecord): void {
    this.groups.set(groupKey(group.subscriptionId, group.name), group);
    this.changed();
  }

  /** Deletes a group and every resource in it. */
  deleteGroupCascade(sub: string, rg: string): void {
    this.groups.delete(groupKey(sub, rg));
    for (const r of this.resourcesIn(sub, rg)) this.resources.delete(r.id.toLowerCase());
    this.changed();
  }

  /** Resources of a subscription, or of one group in it. */
  resourcesIn(sub: string, rg?: string): ResourceRecord[] {
    return [...this.resources.values()].filter(
      (r) =>
        r.subscriptionId.toLowerCase() === sub.toLowerCase() &&
        (rg === undefined || r.resourceGroup.toLowerCase() === rg.toLowerCase()),
    );
  }

  /** A resource by id (case-insensitive). */
  getResource(id: string): ResourceRecord | undefined {
    return this.resources.get(id.toLowerCase());
  }

  /** Creates or replaces a resource. */
  putResource(record: ResourceRecord): void {
    this.resources.set(record.id.toLowerCase(), record);
    this.changed();
  }

  /** Deletes a resource (and its child resources). */
  deleteResource(id: string): void {
    const prefix = `${id.toLowerCase()}/`;
    for (const key of [...this.resources.keys()]) {
      if (key === id.toLowerCase() || key.startsWith(prefix)) this.resources.delete(key);
    }
    this.changed();
  }

  /** Forgets everything. */
  clear(): void {
    this.groups.clear();
    this.resources.clear();
    this.deletedVaults.clear();
    this.predefinedTags.clear();
    this.subscriptionTags.clear();
    this.unregisteredProviders.clear();
    this.changed();
  }
}
