import { type ArmRequest, type ArmResponse, bodyObject } from "./context.js";
import { methodNotAllowed, requireWritableGroup } from "./resourceGroups.js";
import type { ResourceRecord } from "./store.js";
import { assertValid, writableOnly } from "./validation.js";
import { displayLocation, renderSiteConfig, siteState } from "./webModel.js";
import { startWebOperation } from "./webOperations.js";
import { webSchema } from "./webSchemas.js";
import { applySiteConfig, requireSite, type SiteRef } from "./webSites.js";

/** A proxy resource under a site (`config/web`, `sourcecontrols/web`, ...), as App Service renders one. */
function child(
  site: ResourceRecord,
  type: string,
  name: string,
  properties: unknown,
): Record<string, unknown> {
  return {
    id: `${site.id}/${type}/${name}`,
    name,
    type: `${site.type}/${type}`,
    kind: site.body.kind ?? "app",
    location: displayLocation(site.location),
    properties,
  };
}

function save(r: ArmRequest, site: ResourceRecord): void {
  bodyObject(site.body.properties).lastModifiedTimeUtc = new Date().toISOString();
  r.ctx.store.putResource(site);
}

/** The site (or slot) for a write: its group must be writable. */
function writableSite(r: ArmRequest, ref: SiteRef): ResourceRecord {
  requireWritableGroup(r, ref.sub, ref.rg);
  return requireSite(r, ref);
}

/** WebApps_GetConfiguration / _CreateOrUpdateConfiguration / _UpdateConfiguration (`config/web`). */
export function handleConfigWeb(r: ArmRequest, ref: SiteRef): ArmResponse {
  const render = (site: ResourceRecord) => child(site, "config", "web", renderSiteConfig(siteState(site)));
  switch (r.method) {
    case "GET":
      return { status: 200, body: render(requireSite(r, ref)), provider: "web" };
    case "PUT":
    case "PATCH": {
      const site = writableSite(r, ref);
      assertValid(webSchema("SiteConfigResource"), r.body);
      const body = writableOnly(webSchema("SiteConfigResource"), r.body) as Record<string, unknown>;
      // App Service applies both as an update of the members given (PUT does not reset the rest).
      applySiteConfig(siteState(site), body.properties);
      save(r, site);
      return { status: 200, body: render(site), provider: "web" };
    }
    default:
      throw methodNotAllowed(r.method);
  }
}

/** WebApps_ListConfigurations: `GET sites/{name}/config` (the one `web` resource). */
export function handleConfigList(r: ArmRequest, ref: SiteRef): ArmResponse {
  if (r.method !== "GET") throw methodNotAllowed(r.method);
  const site = requireSite(r, ref);
  return {
    status: 200,
    body: { value: [child(site, "config", "web", renderSiteConfig(siteState(site)))] },
    provider: "web",
  };
}

/**
 * App settings and connection strings: `PUT config/appsettings` replaces the whole set,
 * `POST config/appsettings/list` reads it (same for `connectionstrings`).
 */
export function handleSettings(
  r: ArmRequest,
  ref: SiteRef,
  kind: "appsettings" | "connectionstrings",
  list: boolean,
): ArmResponse {
  const render = (site: ResourceRecord) => {
    const state = siteState(site);
    return child(site, "config", kind, kind === "appsettings" ? state.appSettings : state.connectionStrings);
  };
  if (list) {
    if (r.method !== "POST") throw methodNotAllowed(r.method);
    return { status: 200, body: render(requireSite(r, ref)), provider: "web" };
  }
  if (r.method !== "PUT") throw methodNotAllowed(r.method);
  const site = writableSite(r, ref);
  const schema = webSchema(kind === "appsettings" ? "StringDictionary" : "ConnectionStringDictionary");
  assertValid(schema, r.body);
  const properties = bodyObject((writableOnly(schema, r.body) as Record<string, unknown>).properties);
  const state = siteState(site);
  if (kind === "appsettings") {
    state.appSettings = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, String(v)]));
  } else {
    state.connectionStrings = Object.fromEntries(
      Object.entries(properties).map(([k, v]) => {
        const pair = bodyObject(v);
        return [k, { value: String(pair.value ?? ""), type: String(pair.type ?? "Custom") }];
      }),
    );
  }
  save(r, site);
  return { status: 200, body: render(site), provider: "web" };
}

/** WebApps_ListSlotConfigurationNames / _UpdateSlotConfigurationNames (`config/slotConfigNames`, production only). */
export function handleSlotConfigNames(r: ArmRequest, ref: SiteRef): ArmResponse {
  const render = (site: ResourceRecord) =>
    child(site, "config", "slotConfigNames", siteState(site).slotConfigNames);
  if (r.method === "GET") return { status: 200, body: render(requireSite(r, ref)), provider: "web" };
  if (r.method !== "PUT") throw methodNotAllowed(r.method);
  const site = writableSite(r, ref);
  assertValid(webSchema("SlotConfigNamesResource"), r.body);
  const input = bodyObject(bodyObject(r.body).properties);
  const names = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  siteState(site).slotConfigNames = {
    appSettingNames: names(input.appSettingNames),
    connectionStringNames: names(input.connectionStringNames),
    azureStorageConfigNames: names(input.azureStorageConfigNames),
  };
  save(r, site);
  return { status: 200, body: render(site), provider: "web" };
}

function userName(site: ResourceRecord): string {
  return `$${site.name.replace("/", "__")}`;
}

function scmHost(site: ResourceRecord): string {
  return `${site.name.replace("/", "-").toLowerCase()}.scm.azurewebsites.net`;
}

/**
 * WebApps_ListPublishingCredentials (`POST config/publishingcredentials/list`): an LRO in the spec
 * whose only response is 200, so App Service answers at once with the `User`.
 */
export function handlePublishingCredentials(r: ArmRequest, ref: SiteRef): ArmResponse {
  if (r.method !== "POST") throw methodNotAllowed(r.method);
  const site = requireSite(r, ref);
  const user = userName(site);
  const password = siteState(site).publishingPassword;
  const body = child(site, "config", "publishingcredentials", {
    name: null,
    publishingUserName: user,
    publishingPassword: password,
    publishingPasswordHash: null,
    publishingPasswordHashSalt: null,
    scmUri: `https://${user}:${password}@${scmHost(site)}`,
  });
  body.name = site.name;
  body.type = "Microsoft.Web/sites/publishingcredentials";
  return { status: 200, body, provider: "web" };
}

const xmlEscape = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * WebApps_ListPublishingProfileXmlWithSecrets (`POST publishxml`): the spec produces
 * `application/xml`, a `<publishData>` with Web Deploy, FTP and Zip Deploy profiles (a FileZilla
 * site manager file for `format: "FileZilla3"`).
 */
export function handlePublishXml(r: ArmRequest, ref: SiteRef): ArmResponse {
  if (r.method !== "POST") throw methodNotAllowed(r.method);
  const site = requireSite(r, ref);
  if (r.body !== undefined) assertValid(webSchema("CsmPublishingProfileOptions"), r.body);
  const format = String(bodyObject(r.body).format ?? "WebDeploy");
  const user = userName(site);
  const password = siteState(site).publishingPassword;
  const host = `${site.name.replace("/", "-").toLowerCase()}.azurewebsites.net`;
  const ftpHost = "waws-prod-emu-001.ftp.azurewebsites.windows.net";
  const display = site.name.replace("/", "-");
  let text: string;
  if (format.toLowerCase() === "filezilla3") {
    text = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<FileZilla3 version="3.0">',
      "  <Servers>",
      `    <Server><Host>${ftpHost}</Host><Port>21</Port><Protocol>0</Protocol><Type>0</Type>` +
        `<User>${xmlEscape(`${display}\\${user}`)}</User><Pass encoding="base64">${Buffer.from(password).toString("base64")}</Pass>` +
        `<Logontype>1</Logontype><Name>${xmlEscape(display)}</Name><RemoteDir>1 0 4 site 7 wwwroot</RemoteDir></Server>`,
      "  </Servers>",
      "</FileZilla3>",
    ].join("\n");
  } else {
    const attrs = (a: Record<string, string>) =>
      Object.entries(a)
        .map(([k, v]) => `${k}="${xmlEscape(v)}"`)
        .join(" ");
    const common = {
      userName: user,
      userPWD: password,
      destinationAppUrl: `http://${host}`,
      SQLServerDBConnectionString: "",
      mySQLDBConnectionString: "",
      hostingProviderForumLink: "",
      controlPanelLink: "https://portal.azure.com",
      webSystem: "WebSites",
    };
    const profiles = [
      {
        profileName: `${display} - Web Deploy`,
        publishMethod: "MSDeploy",
        publishUrl: `${scmHost(site)}:443`,
        msdeploySite: display,
        ...common,
      },
      {
        profileName: `${display} - FTP`,
        publishMethod: "FTP",
        publishUrl: `ftps://${ftpHost}/site/wwwroot`,
        ftpPassiveMode: "True",
        ...common,
        userName: `${display}\\${user}`,
      },
      {
        profileName: `${display} - Zip Deploy`,
        publishMethod: "ZipDeploy",
        publishUrl: `${scmHost(site)}:443`,
        ...common,
      },
    ];
    text = `<publishData>${profiles.map((p) => `<publishProfile ${attrs(p)}><databases /></publishProfile>`).join("")}</publishData>`;
  }
  return { status: 200, raw: { contentType: "application/xml", text }, provider: "web" };
}

/** How an app's `sourcecontrols/web` reads before one is configured (and after a DELETE). */
const UNCONFIGURED = {
  repoUrl: null,
  branch: null,
  isManualIntegration: false,
  isGitHubAction: false,
  deploymentRollbackEnabled: false,
  isMercurial: false,
};

/**
 * WebApps_CreateOrUpdateSourceControl (an LRO: 202 with the body and Azure-AsyncOperation, done
 * after the polls), _GetSourceControl, _UpdateSourceControl, _DeleteSourceControl.
 */
export function handleSourceControl(r: ArmRequest, ref: SiteRef): ArmResponse {
  const render = (site: ResourceRecord, properties: Record<string, unknown>) =>
    child(site, "sourcecontrols", "web", properties);
  switch (r.method) {
    case "GET": {
      // `sourcecontrols/web` is a singleton every app has: unconfigured, it reads as empty.
      const site = requireSite(r, ref);
      return {
        status: 200,
        body: render(site, siteState(site).sourceControl ?? UNCONFIGURED),
        provider: "web",
      };
    }
    case "PUT":
    case "PATCH": {
      const site = writableSite(r, ref);
      assertValid(webSchema("SiteSourceControl"), r.body);
      const body = writableOnly(webSchema("SiteSourceControl"), r.body) as Record<string, unknown>;
      const state = siteState(site);
      const before = state.sourceControl;
      const properties: Record<string, unknown> = {
        ...UNCONFIGURED,
        branch: "master",
        ...(r.method === "PATCH" ? before : {}),
        ...bodyObject(body.properties),
      };
      state.sourceControl = properties;
      state.config.scmType =
        properties.isGitHubAction === true
          ? "GitHubAction"
          : properties.isManualIntegration === true
            ? "ExternalGit"
            : "GitHub";
      if (before) {
        save(r, site);
        return { status: 200, body: render(site, properties), provider: "web" };
      }
      save(r, site);
      const { status, headers } = startWebOperation(
        r,
        ref.sub,
        (opId) =>
          `/subscriptions/${ref.sub}/providers/Microsoft.Web/sites/${ref.name}/operationResults/${opId}`,
        {
          complete: () => {},
          fail: () => {
            delete state.sourceControl;
            state.config.scmType = "None";
            r.ctx.store.changed();
          },
          error: {
            code: "DeploymentFailed",
            message: `Setting up source control for '${site.name}' failed (injected lroFailure).`,
          },
        },
      );
      return { status, body: render(site, properties), headers, provider: "web" };
    }
    case "DELETE": {
      const site = writableSite(r, ref);
      const state = siteState(site);
      delete state.sourceControl;
      state.config.scmType = "None";
      save(r, site);
      return { status: 200, provider: "web" };
    }
    default:
      throw methodNotAllowed(r.method);
  }
}

/**
 * WebApps_UpdateAzureStorageAccounts (`PUT config/azurestorageaccounts`, replaces the set) and
 * _ListAzureStorageAccounts (`POST .../list`); they live in `siteConfig.azureStorageAccounts`.
 * Access keys are never returned; each mount reads `state: "Ok"`.
 */
export function handleAzureStorageAccounts(r: ArmRequest, ref: SiteRef, list: boolean): ArmResponse {
  const render = (site: ResourceRecord) =>
    child(
      site,
      "config",
      "azurestorageaccounts",
      renderSiteConfig(siteState(site)).azureStorageAccounts ?? {},
    );
  if (list) {
    if (r.method !== "POST") throw methodNotAllowed(r.method);
    return { status: 200, body: render(requireSite(r, ref)), provider: "web" };
  }
  if (r.method !== "PUT") throw methodNotAllowed(r.method);
  const site = writableSite(r, ref);
  const schema = webSchema("AzureStoragePropertyDictionaryResource");
  assertValid(schema, r.body);
  const properties = bodyObject((writableOnly(schema, r.body) as Record<string, unknown>).properties);
  siteState(site).config.azureStorageAccounts = properties;
  save(r, site);
  return { status: 200, body: render(site), provider: "web" };
}
