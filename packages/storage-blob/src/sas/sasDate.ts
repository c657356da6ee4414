/** A SAS time as the service signs it: ISO 8601 UTC without milliseconds (`2026-01-01T00:00:00Z`). */
export function sasDateString(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
