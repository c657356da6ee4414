import { AzureError } from "../errors.js";

const pagingErrorBrand = Symbol.for("@azkit/core-http.PagingError");

/**
 * Why a page walk was refused or stopped.
 * `"EmptyContinuationToken"`: `byPage({ continuationToken: "" })`, which would otherwise restart the list;
 * `"RepeatedContinuationToken"`: the service sent a next-page link it had already sent, which would
 * otherwise loop forever.
 * @public
 */
export type PagingErrorCode = "EmptyContinuationToken" | "RepeatedContinuationToken";

/**
 * A list could not be walked safely. Thrown by the iterators of {@link buildPagedAsyncIterator}, never
 * for an ordinary last page.
 * @public
 */
export class PagingError extends AzureError {
  /** Stable code for programs; see {@link PagingErrorCode}. */
  declare code: PagingErrorCode;

  /** Creates the error; `message` must not contain the token itself (it may carry a SAS signature). */
  constructor(code: PagingErrorCode, message: string) {
    super(message, { code });
    this.name = "PagingError";
    Object.defineProperty(this, pagingErrorBrand, { value: true });
  }
}

/**
 * Whether `error` is a {@link PagingError}, also when it comes from another copy of this package.
 * @public
 */
export function isPagingError(error: unknown): error is PagingError {
  return typeof error === "object" && error !== null && pagingErrorBrand in error;
}
