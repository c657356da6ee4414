/**
 * Which protocols a SAS allows (`spr`).
 *
 * @remarks Use `Https` for tokens that travel over the internet; `HttpsAndHttp` for emulators.
 * @public
 */
export enum SASProtocol {
  /** Only HTTPS requests are accepted. */
  Https = "https",
  /** HTTPS and HTTP requests are accepted. */
  HttpsAndHttp = "https,http",
}
