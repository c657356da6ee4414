import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { ResourceRecord } from "./store.js";

/** Canonical type names of the Microsoft.Web resources the emulator keeps. */
export const SERVERFARM_TYPE = "Microsoft.Web/serverfarms";
export const SITE_TYPE = "Microsoft.Web/sites";
export const SLOT_TYPE = "Microsoft.Web/sites/slots";

/**
 * What the emulator keeps beside a site's (or slot's) ARM properties, in `record.body.web`: the
 * configuration App Service serves through `config/*` and `sourcecontrols/web`.
 */
export interface SiteState {
  config: Record<string, unknown>;
  appSettings: Record<string, string>;
  connectionStrings: Record<string, { value: string; type: string }>;
  slotConfigNames: {
    appSettingNames: string[];
    connectionStringNames: string[];
    azureStorageConfigNames: string[];
  };
  sourceControl?: Record<string, unknown>;
  publishingPassword: string;
  /** Whether basic (user/password) publishing is allowed on FTP and on the SCM site. */
  publishingPolicies?: { ftp: boolean; scm: boolean };
  /** Authentication (Easy Auth) settings, classic and V2, as last written. */
  authSettings?: Record<string, unknown>;
  authSettingsV2?: Record<string, unknown>;
  /** Backups taken (`POST backup`), oldest first, and the scheduled-backup configuration. */
  backups?: Array<Record<string, unknown>>;
  backupConfiguration?: Record<string, unknown>;
  /** The sticky settings `applySlotConfig` replaced, which `resetSlotConfig` puts back. */
  beforeSlotConfig?: Pick<SiteState, "appSettings" | "connectionStrings">;
}

/** A site's or slot's kept configuration (created on first use for records from older state files). */
export function siteState(record: ResourceRecord): SiteState {
  const body = record.body as { web?: SiteState };
  body.web ??= newSiteState();
  return body.web;
}

/** Fresh configuration for a new site: App Service's defaults. */
export function newSiteState(): SiteState {
  return {
    config: defaultSiteConfig(),
    appSettings: {},
    connectionStrings: {},
    slotConfigNames: { appSettingNames: [], connectionStringNames: [], azureStorageConfigNames: [] },
    publishingPassword: randomBytes(30).toString("base64url"),
  };
}

/** `siteConfig` as App Service fills it for a new app (GetSiteConfig example). */
export function defaultSiteConfig(): Record<string, unknown> {
  return {
    numberOfWorkers: 1,
    defaultDocuments: [
      "Default.htm",
      "Default.html",
      "Default.asp",
      "index.htm",
      "index.html",
      "iisstart.htm",
      "default.aspx",
      "index.php",
      "hostingstart.html",
    ],
    netFrameworkVersion: "v4.0",
    phpVersion: "5.6",
    pythonVersion: "",
    nodeVersion: "",
    powerShellVersion: "",
    linuxFxVersion: "",
    windowsFxVersion: null,
    requestTracingEnabled: false,
    remoteDebuggingEnabled: false,
    httpLoggingEnabled: false,
    acrUseManagedIdentityCreds: false,
    logsDirectorySizeLimit: 35,
    detailedErrorLoggingEnabled: false,
    publishingUsername: "",
    scmType: "None",
    use32BitWorkerProcess: true,
    webSocketsEnabled: false,
    alwaysOn: false,
    appCommandLine: "",
    managedPipelineMode: "Integrated",
    virtualApplications: [{ virtualPath: "/", physicalPath: "site\\wwwroot", preloadEnabled: false }],
    loadBalancing: "LeastRequests",
    experiments: { rampUpRules: [] },
    autoHealEnabled: false,
    vnetName: "",
    vnetRouteAllEnabled: false,
    vnetPrivatePortsCount: 0,
    localMySqlEnabled: false,
    ipSecurityRestrictions: [
      {
        ipAddress: "Any",
        action: "Allow",
        priority: 2147483647,
        name: "Allow all",
        description: "Allow all access",
      },
    ],
    scmIpSecurityRestrictions: [
      {
        ipAddress: "Any",
        action: "Allow",
        priority: 2147483647,
        name: "Allow all",
        description: "Allow all access",
      },
    ],
    scmIpSecurityRestrictionsUseMain: false,
    http20Enabled: false,
    minTlsVersion: "1.2",
    scmMinTlsVersion: "1.2",
    ftpsState: "AllAllowed",
    preWarmedInstanceCount: 0,
    functionAppScaleLimit: 0,
    functionsRuntimeScaleMonitoringEnabled: false,
    minimumElasticInstanceCount: 0,
    keyVaultReferenceIdentity: "",
    azureStorageAccounts: {},
  };
}

/** Display names App Service answers with (it echoes "East US", not "eastus"). */
const DISPLAY_LOCATIONS: Record<string, string> = {
  eastus: "East US",
  eastus2: "East US 2",
  westus: "West US",
  westus2: "West US 2",
  westus3: "West US 3",
  centralus: "Central US",
  northcentralus: "North Central US",
  southcentralus: "South Central US",
  westcentralus: "West Central US",
  northeurope: "North Europe",
  westeurope: "West Europe",
  uksouth: "UK South",
  ukwest: "UK West",
  francecentral: "France Central",
  germanywestcentral: "Germany West Central",
  swedencentral: "Sweden Central",
  switzerlandnorth: "Switzerland North",
  norwayeast: "Norway East",
  eastasia: "East Asia",
  southeastasia: "Southeast Asia",
  japaneast: "Japan East",
  japanwest: "Japan West",
  australiaeast: "Australia East",
  australiasoutheast: "Australia Southeast",
  centralindia: "Central India",
  southindia: "South India",
  koreacentral: "Korea Central",
  canadacentral: "Canada Central",
  canadaeast: "Canada East",
  brazilsouth: "Brazil South",
};

/** "eastus" -> "East US" (unknown regions as stored). */
export function displayLocation(location: string | undefined): string {
  return DISPLAY_LOCATIONS[location ?? ""] ?? location ?? "";
}

/** Tier, family and size App Service derives from a SKU name. */
const SKU_TIERS: Array<[RegExp, string]> = [
  [/^F/i, "Free"],
  [/^D/i, "Shared"],
  [/^B/i, "Basic"],
  [/^S/i, "Standard"],
  [/^P\d+V3$/i, "PremiumV3"],
  [/^P\d+V2$/i, "PremiumV2"],
  [/^P\d+MV3$/i, "PremiumMV3"],
  [/^P/i, "Premium"],
  [/^I\d+V2$/i, "IsolatedV2"],
  [/^I/i, "Isolated"],
  [/^Y/i, "Dynamic"],
  [/^EP/i, "ElasticPremium"],
  [/^FC/i, "FlexConsumption"],
];

const MAX_WORKERS: Record<string, number> = {
  Free: 1,
  Shared: 1,
  Basic: 3,
  Standard: 10,
  Premium: 20,
  PremiumV2: 30,
  PremiumV3: 30,
  PremiumMV3: 30,
  Isolated: 100,
  IsolatedV2: 100,
  Dynamic: 200,
  ElasticPremium: 100,
  FlexConsumption: 100,
};

/** A plan's `sku` completed as App Service returns it (`{ name: "S1" }` gains tier, size, family, capacity). */
export function completeSku(input: Record<string, unknown> | undefined): Record<string, unknown> {
  const sku: Record<string, unknown> = { ...(input ?? { name: "S1" }) };
  // App Service's spelling: "p1v3" -> "P1v3" (family "Pv3"), "s1" -> "S1" (family "S").
  const given = typeof sku.name === "string" && sku.name !== "" ? sku.name : "S1";
  const name = given.replace(/^[a-z]+/i, (m) => m.toUpperCase()).replace(/V(\d+)$/i, "v$1");
  sku.name = name;
  sku.tier ??= SKU_TIERS.find(([rule]) => rule.test(name))?.[1] ?? "Standard";
  sku.size ??= name;
  sku.family ??= name.replace(/\d+/, "");
  sku.capacity ??= 1;
  return sku;
}

/** Read-only plan properties App Service computes. */
export function planComputed(
  plan: { sku: Record<string, unknown>; location: string; resourceGroup: string; subscriptionId: string },
  input: Record<string, unknown>,
): Record<string, unknown> {
  const tier = String(plan.sku.tier);
  return {
    status: "Ready",
    subscription: plan.subscriptionId,
    maximumNumberOfWorkers: MAX_WORKERS[tier] ?? 10,
    numberOfWorkers: Number(plan.sku.capacity ?? 1),
    geoRegion: displayLocation(plan.location),
    perSiteScaling: false,
    elasticScaleEnabled: false,
    maximumElasticWorkerCount: 1,
    isSpot: false,
    reserved: false,
    isXenon: false,
    hyperV: false,
    targetWorkerCount: 0,
    targetWorkerSizeId: 0,
    asyncScalingEnabled: false,
    zoneRedundant: false,
    kubeEnvironmentProfile: null,
    ...input,
    resourceGroup: plan.resourceGroup,
  };
}

/** Outbound addresses of a site: stable per name, in a documentation range (never routable). */
export function outboundAddresses(name: string): { outbound: string; possible: string } {
  const digest = createHash("sha256").update(name.toLowerCase()).digest();
  const ip = (i: number) => `203.0.113.${1 + (digest[i]! % 254)}`;
  const outbound = [ip(0), ip(1)];
  const possible = [...outbound, ip(2), ip(3), ip(4), ip(5)];
  return { outbound: outbound.join(","), possible: possible.join(",") };
}

/**
 * The read-only site properties App Service computes from the site's name (`app` or, for a slot,
 * `app-slot`), its plan and its group.
 */
export function siteComputed(init: {
  hostName: string;
  repositorySiteName: string;
  resourceGroup: string;
  subscriptionId: string;
  plan: ResourceRecord;
}): Record<string, unknown> {
  const host = `${init.hostName.toLowerCase()}.azurewebsites.net`;
  const scm = `${init.hostName.toLowerCase()}.scm.azurewebsites.net`;
  const addresses = outboundAddresses(init.hostName);
  const planProperties = init.plan.body.properties as Record<string, unknown>;
  const sku = init.plan.body.sku as Record<string, unknown> | undefined;
  return {
    hostNames: [host],
    repositorySiteName: init.repositorySiteName,
    usageState: "Normal",
    enabledHostNames: [host, scm],
    availabilityState: "Normal",
    hostNameSslStates: [
      { name: host, sslState: "Disabled", hostType: "Standard" },
      { name: scm, sslState: "Disabled", hostType: "Repository" },
    ],
    reserved: planProperties.reserved === true,
    isXenon: false,
    hyperV: false,
    lastModifiedTimeUtc: new Date().toISOString(),
    trafficManagerHostNames: null,
    customDomainVerificationId: createHash("sha256")
      .update(`${init.subscriptionId}/${init.hostName}`.toLowerCase())
      .digest("hex")
      .toUpperCase(),
    outboundIpAddresses: addresses.outbound,
    possibleOutboundIpAddresses: addresses.possible,
    containerSize: 0,
    dailyMemoryTimeQuota: 0,
    suspendedTill: null,
    maxNumberOfWorkers: null,
    resourceGroup: init.resourceGroup,
    isDefaultContainer: null,
    defaultHostName: host,
    slotSwapStatus: null,
    inProgressOperationId: null,
    sku: String(sku?.tier ?? "Standard"),
  };
}

/** Writable site properties App Service defaults when a create leaves them out. */
export function siteWritableDefaults(): Record<string, unknown> {
  return {
    state: "Running",
    enabled: true,
    outboundVnetRouting: {
      allTraffic: false,
      applicationTraffic: false,
      contentShareTraffic: false,
      imagePullTraffic: false,
      backupRestoreTraffic: false,
    },
    scmSiteAlsoStopped: false,
    clientAffinityEnabled: true,
    clientAffinityProxyEnabled: true,
    clientCertEnabled: false,
    clientCertMode: "Required",
    hostNamesDisabled: false,
    httpsOnly: false,
    redundancyMode: "None",
    publicNetworkAccess: "Enabled",
    storageAccountRequired: false,
    keyVaultReferenceIdentity: "SystemAssigned",
    endToEndEncryptionEnabled: false,
  };
}

/**
 * `siteConfig` as the site's representation carries it: the kept configuration without the app
 * settings and connection strings, which App Service answers only through their own operations.
 */
export function renderSiteConfig(state: SiteState): Record<string, unknown> {
  const { appSettings: _a, connectionStrings: _c, ...config } = state.config;
  const mounts = config.azureStorageAccounts;
  if (typeof mounts === "object" && mounts !== null) {
    // App Service never returns a mount's access key; it reports the mount's state instead.
    config.azureStorageAccounts = Object.fromEntries(
      Object.entries(mounts as Record<string, Record<string, unknown>>).map(([name, mount]) => {
        const { accessKey: _k, ...shown } = mount;
        return [name, { ...shown, state: "Ok" }];
      }),
    );
  }
  return config;
}

/** The ARM representation of a serverfarm. */
export function renderPlan(plan: ResourceRecord, numberOfSites: number): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: plan.id,
    name: plan.name,
    type: SERVERFARM_TYPE,
    kind: plan.body.kind ?? "app",
    location: displayLocation(plan.location),
    tags: plan.tags ?? {},
    properties: { ...(plan.body.properties as object), numberOfSites },
    sku: plan.body.sku,
  };
  if (plan.body.identity) out.identity = plan.body.identity;
  if (plan.body.extendedLocation) out.extendedLocation = plan.body.extendedLocation;
  return out;
}

/** The ARM representation of a site or slot. */
export function renderSite(site: ResourceRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: site.id,
    name: site.name,
    type: site.type,
    kind: site.body.kind ?? "app",
    location: displayLocation(site.location),
    tags: site.tags ?? {},
    properties: { ...(site.body.properties as object), siteConfig: renderSiteConfig(siteState(site)) },
  };
  if (site.body.identity) out.identity = site.body.identity;
  if (site.body.extendedLocation) out.extendedLocation = site.body.extendedLocation;
  return out;
}

/**
 * A managed identity as App Service returns it: a system-assigned one gains `principalId` and
 * `tenantId` (kept across updates), each user-assigned one a `principalId` and `clientId`.
 */
export function completeIdentity(identity: unknown, tenantId: string, previous: unknown): unknown {
  if (typeof identity !== "object" || identity === null) return identity;
  const out = { ...(identity as Record<string, unknown>) };
  const before = (typeof previous === "object" && previous !== null ? previous : {}) as Record<
    string,
    unknown
  >;
  const type = String(out.type ?? "");
  if (/SystemAssigned/i.test(type)) {
    out.principalId = before.principalId ?? randomUUID();
    out.tenantId = tenantId;
  } else {
    delete out.principalId;
    delete out.tenantId;
  }
  const users = out.userAssignedIdentities;
  if (typeof users === "object" && users !== null) {
    const known = (before.userAssignedIdentities ?? {}) as Record<string, Record<string, unknown>>;
    out.userAssignedIdentities = Object.fromEntries(
      Object.keys(users).map((id) => [
        id,
        {
          principalId: known[id]?.principalId ?? randomUUID(),
          clientId: known[id]?.clientId ?? randomUUID(),
        },
      ]),
    );
  }
  return out;
}
