import { ArmError } from "./armError.js";
import { specData } from "./generated/specSchemas.js";

/** The first Key Vault api-version whose vault creates default to `enableRbacAuthorization: true`. */
const KEYVAULT_RBAC_DEFAULT_FROM = "2026-02-01";

/**
 * Whether a vault created at `apiVersion` gets `enableRbacAuthorization: true` when the body leaves it
 * out: Key Vault made RBAC the default for creates from 2026-02-01 on (updates keep what the vault has).
 */
export function rbacByDefault(apiVersion: string | undefined): boolean {
  return (apiVersion ?? "").slice(0, 10) >= KEYVAULT_RBAC_DEFAULT_FROM;
}

/**
 * api-versions each surface accepts. The first entry of each list comes from the swagger in
 * tools/specs (via src/generated); the others are older stable versions ARM still serves, listed
 * by hand because recorded traffic in tools/specs/recordings uses some of them.
 */
export const API_VERSIONS = {
  resources: [
    specData.apiVersions.resources,
    "2025-03-01",
    "2024-11-01",
    "2024-07-01",
    "2024-03-01",
    "2023-07-01",
    "2022-09-01",
    "2021-04-01",
    "2021-01-01",
    "2020-10-01",
    "2020-08-01",
    "2020-06-01",
    "2019-10-01",
    "2019-09-01",
    "2019-08-01",
    "2019-07-01",
    "2019-05-10",
    "2019-05-01",
    "2019-03-01",
    "2018-05-01",
    "2018-02-01",
    "2017-05-10",
    "2016-09-01",
    "2016-07-01",
    "2016-02-01",
    "2015-11-01",
  ],
  subscriptions: ["2022-12-01", "2021-01-01", "2020-01-01", "2019-11-01", "2016-06-01"],
  /**
   * Microsoft.KeyVault: 2026-02-01 is what `@azure/arm-keyvault` 5 sends by default (creates then default
   * to RBAC, see {@link rbacByDefault}); the previews are the ones upstream specs still publish.
   */
  keyvault: [
    "2026-04-01-preview",
    "2026-03-01-preview",
    KEYVAULT_RBAC_DEFAULT_FROM,
    specData.apiVersions.keyvault,
    "2024-12-01-preview",
    "2024-11-01",
    "2024-04-01-preview",
    "2023-08-01-preview",
    "2023-07-01",
    "2023-02-01",
    "2022-11-01",
    "2022-07-01",
    "2022-02-01-preview",
    "2021-11-01-preview",
    "2021-10-01",
    "2021-06-01-preview",
    "2021-04-01-preview",
    "2020-04-01-preview",
    "2019-09-01",
    "2018-02-14",
    "2018-02-14-preview",
    "2016-10-01",
    "2015-06-01",
  ],
  /**
   * Microsoft.Web: the stable versions ARM serves, newest first: 2025-05-01 is what
   * @azure/arm-appservice 19 sends by default; 2022-03-01 and older are the list ARM gave in the
   * recorded appserviceplans traffic, which also shows 2022-09-01 refused (so it is left out).
   */
  web: [
    "2025-05-01",
    specData.apiVersions.web,
    "2024-11-01",
    "2024-04-01",
    "2023-12-01",
    "2023-01-01",
    "2022-03-01",
    "2021-03-01",
    "2021-02-01",
    "2021-01-15",
    "2021-01-01",
    "2020-12-01",
    "2020-10-01",
    "2020-09-01",
    "2020-06-01",
    "2019-08-01",
    "2018-11-01",
    "2018-02-01",
    "2017-08-01",
    "2016-09-01",
    "2016-03-01",
    "2015-08-01",
    "2015-07-01",
    "2015-06-01",
    "2015-05-01",
    "2015-04-01",
    "2015-02-01",
    "2014-11-01",
    "2014-06-01",
    "2014-04-01",
    "2014-04-01-preview",
    "2018-12-01-alpha",
  ],
} as const;

/** Which api-version family a request is checked against. */
export type ApiSurface = keyof typeof API_VERSIONS;

const WELL_FORMED = /^\d{4}-\d{2}-\d{2}(-(preview|alpha|beta|privatepreview))?$/i;

/** 400 MissingApiVersionParameter, as ARM words it. */
export function missingApiVersion(): ArmError {
  return new ArmError(
    400,
    "MissingApiVersionParameter",
    "The api-version query parameter (?api-version=) is required for all requests.",
    { origin: "gateway" },
  );
}

/** Checks a front-door (Microsoft.Resources) api-version: 400 InvalidApiVersionParameter otherwise. */
export function checkGatewayApiVersion(version: string | undefined, accepted: readonly string[]): void {
  if (version === undefined || version === "") throw missingApiVersion();
  if (!accepted.some((v) => v.toLowerCase() === version.toLowerCase())) {
    throw new ArmError(
      400,
      "InvalidApiVersionParameter",
      `The api-version '${version}' is invalid. The supported versions are '${accepted.join(",")}'.`,
      { origin: "gateway" },
    );
  }
}

/** Locations the emulator advertises in NoRegisteredProviderFound messages. */
export const LOCATIONS = ["eastus", "eastus2", "westus", "westus2", "westus3", "northeurope", "westeurope"];

/**
 * Checks a resource provider's api-version: ARM answers an unknown version for a provider type with
 * 400 NoRegisteredProviderFound (see the recorded appserviceplans traffic). Unknown namespaces accept
 * any well-formed version, since the emulator has no provider registry for them.
 */
export function checkProviderApiVersion(
  version: string | undefined,
  accepted: readonly string[] | undefined,
  typeName: string,
  location: string,
): void {
  if (version === undefined || version === "") throw missingApiVersion();
  const ok = accepted
    ? accepted.some((v) => v.toLowerCase() === version.toLowerCase())
    : WELL_FORMED.test(version);
  if (ok) return;
  const supported = accepted ?? ["YYYY-MM-DD", "YYYY-MM-DD-preview"];
  throw new ArmError(
    400,
    "NoRegisteredProviderFound",
    `No registered resource provider found for location '${location}' and API version '${version}' for type '${typeName}'. The supported api-versions are '${supported.join(", ")}'. The supported locations are '${LOCATIONS.join(", ")}'.`,
    { origin: "gateway" },
  );
}
