/**
 * The Microsoft Entra ID authorities of the Azure clouds, for the `authorityHost` option.
 * @example
 * ```ts
 * new ClientSecretCredential(tenantId, clientId, secret, { authorityHost: AzureAuthorityHosts.AzureGovernment });
 * ```
 * @public
 */
export enum AzureAuthorityHosts {
  /** Azure operated by 21Vianet (China). */
  AzureChina = "https://login.chinacloudapi.cn",
  /**
   * Microsoft Cloud Germany.
   * @deprecated Microsoft Cloud Germany was closed on October 29th, 2021.
   */
  AzureGermany = "https://login.microsoftonline.de",
  /** Azure US Government. */
  AzureGovernment = "https://login.microsoftonline.us",
  /** The public Azure cloud (the default). */
  AzurePublicCloud = "https://login.microsoftonline.com",
}
