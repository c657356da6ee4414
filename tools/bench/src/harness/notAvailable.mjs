/** Thrown when a side cannot run at all (for example its azkit package is not built yet): reported, not fatal. */
export class NotAvailableError extends Error {
  /** @param {string} reason short text shown in the table cell, e.g. "not built" */
  constructor(reason) {
    super(reason);
    this.name = "NotAvailableError";
  }
}

/** @param {unknown} e @returns {e is NotAvailableError} */
export function isNotAvailable(e) {
  return e instanceof Error && e.name === "NotAvailableError";
}
