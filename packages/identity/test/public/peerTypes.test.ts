import type * as peer from "@azure/identity";
import { describe, expectTypeOf, it } from "vitest";
import type * as azkit from "../../src/index.js";

/**
 * Option and value shapes are `@azure/identity`'s: what a user writes for the peer type-checks here.
 * Identical shapes are compared exactly; option bags are compared by assignability (a peer value is
 * accepted by azkit), on the members that do not come from core-client's transport options.
 */
describe("types shared with @azure/identity 4.13.1", () => {
  it("values and records have the same shape", () => {
    expectTypeOf<azkit.AuthenticationRecord>().toEqualTypeOf<peer.AuthenticationRecord>();
    expectTypeOf<azkit.DeviceCodeInfo>().toEqualTypeOf<peer.DeviceCodeInfo>();
    expectTypeOf<azkit.DefaultAzureCredentialEnvVars>().toEqualTypeOf<peer.DefaultAzureCredentialEnvVars>();
    expectTypeOf<azkit.BrowserLoginStyle>().toEqualTypeOf<peer.BrowserLoginStyle>();
    expectTypeOf<azkit.ClientCertificatePEMCertificate>().toEqualTypeOf<peer.ClientCertificatePEMCertificate>();
    expectTypeOf<azkit.ClientCertificatePEMCertificatePath>().toEqualTypeOf<peer.ClientCertificatePEMCertificatePath>();
    expectTypeOf<azkit.OnBehalfOfCredentialSecretOptions>().toEqualTypeOf<peer.OnBehalfOfCredentialSecretOptions>();
    expectTypeOf<azkit.OnBehalfOfCredentialCertificateOptions>().toEqualTypeOf<peer.OnBehalfOfCredentialCertificateOptions>();
    expectTypeOf<azkit.OnBehalfOfCredentialAssertionOptions>().toEqualTypeOf<peer.OnBehalfOfCredentialAssertionOptions>();
    expectTypeOf<azkit.AuthorityValidationOptions>().toEqualTypeOf<peer.AuthorityValidationOptions>();
    expectTypeOf<azkit.BrowserCustomizationOptions>().toEqualTypeOf<peer.BrowserCustomizationOptions>();
    expectTypeOf<azkit.BrokerEnabledOptions>().toEqualTypeOf<peer.BrokerEnabledOptions>();
    expectTypeOf<azkit.BrokerDisabledOptions>().toEqualTypeOf<peer.BrokerDisabledOptions>();
    expectTypeOf<azkit.TokenCachePersistenceOptions>().toEqualTypeOf<peer.TokenCachePersistenceOptions>();
    expectTypeOf<azkit.DeviceCodePromptCallback>().toEqualTypeOf<peer.DeviceCodePromptCallback>();
  });

  type Transport =
    | "httpClient"
    | "retryOptions"
    | "additionalPolicies"
    | "userAgentOptions"
    | "loggingOptions"
    | "proxyOptions"
    | "redirectOptions"
    | "telemetryOptions"
    | "tlsOptions"
    | "allowInsecureConnection"
    | "agent";
  type Own<T> = Omit<T, Transport>;

  it("a peer option bag (its own members) is accepted by the azkit credential", () => {
    expectTypeOf<Own<peer.ClientSecretCredentialOptions>>().toExtend<azkit.ClientSecretCredentialOptions>();
    expectTypeOf<
      Own<peer.ClientCertificateCredentialOptions>
    >().toExtend<azkit.ClientCertificateCredentialOptions>();
    expectTypeOf<
      Own<peer.ClientAssertionCredentialOptions>
    >().toExtend<azkit.ClientAssertionCredentialOptions>();
    expectTypeOf<Own<peer.DeviceCodeCredentialOptions>>().toExtend<azkit.DeviceCodeCredentialOptions>();
    expectTypeOf<
      Own<peer.InteractiveBrowserCredentialNodeOptions>
    >().toExtend<azkit.InteractiveBrowserCredentialNodeOptions>();
    expectTypeOf<
      Own<peer.AuthorizationCodeCredentialOptions>
    >().toExtend<azkit.AuthorizationCodeCredentialOptions>();
    expectTypeOf<
      Own<peer.UsernamePasswordCredentialOptions>
    >().toExtend<azkit.UsernamePasswordCredentialOptions>();
    expectTypeOf<Own<peer.AzureCliCredentialOptions>>().toExtend<azkit.AzureCliCredentialOptions>();
    expectTypeOf<
      Own<peer.AzureDeveloperCliCredentialOptions>
    >().toExtend<azkit.AzureDeveloperCliCredentialOptions>();
    expectTypeOf<
      Own<peer.AzurePowerShellCredentialOptions>
    >().toExtend<azkit.AzurePowerShellCredentialOptions>();
    expectTypeOf<
      Own<peer.AzurePipelinesCredentialOptions>
    >().toExtend<azkit.AzurePipelinesCredentialOptions>();
    expectTypeOf<
      Own<peer.WorkloadIdentityCredentialOptions>
    >().toExtend<azkit.WorkloadIdentityCredentialOptions>();
    expectTypeOf<Own<peer.EnvironmentCredentialOptions>>().toExtend<azkit.EnvironmentCredentialOptions>();
    expectTypeOf<
      Own<peer.VisualStudioCodeCredentialOptions>
    >().toExtend<azkit.VisualStudioCodeCredentialOptions>();
    expectTypeOf<Own<peer.DefaultAzureCredentialOptions>>().toExtend<azkit.DefaultAzureCredentialOptions>();
    expectTypeOf<
      Own<peer.DefaultAzureCredentialClientIdOptions>
    >().toExtend<azkit.DefaultAzureCredentialClientIdOptions>();
    expectTypeOf<
      Own<peer.DefaultAzureCredentialResourceIdOptions>
    >().toExtend<azkit.DefaultAzureCredentialResourceIdOptions>();
    expectTypeOf<
      Own<peer.ManagedIdentityCredentialClientIdOptions>
    >().toExtend<azkit.ManagedIdentityCredentialClientIdOptions>();
    expectTypeOf<
      Own<peer.ManagedIdentityCredentialResourceIdOptions>
    >().toExtend<azkit.ManagedIdentityCredentialResourceIdOptions>();
    expectTypeOf<
      Own<peer.ManagedIdentityCredentialObjectIdOptions>
    >().toExtend<azkit.ManagedIdentityCredentialObjectIdOptions>();
    expectTypeOf<Own<peer.GetBearerTokenProviderOptions>>().toExtend<azkit.GetBearerTokenProviderOptions>();
  });
});
