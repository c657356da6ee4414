/**
 * The Blob service REST version (`x-ms-version`) azkit sends and signs SAS tokens with by default.
 *
 * @remarks Pinned so behaviour does not change under you; override per client with the
 * `serviceVersion` option or per SAS with `version`.
 * @public
 */
export const SERVICE_VERSION = "2025-11-05";
