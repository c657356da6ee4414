/**
 * The IP addresses a SAS accepts requests from: one address, or an inclusive range.
 *
 * @remarks Use it in `ipRange` of SAS signature values to pin a token to known callers.
 * @public
 */
export interface SasIPRange {
  /** First (or only) IPv4 address, e.g. `168.1.5.60`. */
  start: string;
  /** Last IPv4 address of the range; omit for a single address. */
  end?: string;
}

/**
 * Formats a range as the `sip` query value (`start` or `start-end`).
 * @public
 */
export function ipRangeToString(ipRange: SasIPRange): string {
  return ipRange.end ? `${ipRange.start}-${ipRange.end}` : ipRange.start;
}
