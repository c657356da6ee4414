// A ranged GET must be answered with exactly the bytes asked for: a 206 whose Content-Range starts
// at the requested offset, whose length matches, of the pinned ETag. Proxies and caches that ignore
// Range (200 with the whole blob) or shift it would otherwise splice wrong bytes into a download.
import { type PipelineResponse, ServiceResponseError } from "@azkit/core-http";

/** The `code` of the error for a response that does not cover the requested range. */
export const UNEXPECTED_RANGE = "UNEXPECTED_RANGE";

/** What was asked for: `[offset, offset + count)`, and whether the end must match exactly (resumes). */
export interface RequestedRange {
  offset: number;
  count: number | undefined;
  /** The ETag the request was pinned to with If-Match. */
  etag?: string;
  /** A resume knows the blob's size: the answer must end exactly at `offset + count - 1`. */
  exact?: boolean;
}

/** Throws a ServiceResponseError (code UNEXPECTED_RANGE) unless `res` answers `range` exactly. */
export function checkRangeResponse(res: PipelineResponse, range: RequestedRange, what: string): void {
  const ranged = !(range.offset === 0 && range.count === undefined);
  const contentRange = res.headers.get("content-range");
  const length = Number(res.headers.get("content-length"));
  const asked = `bytes ${range.offset}-${range.count === undefined ? "" : range.offset + range.count - 1}`;
  const refuse = (why: string): never => {
    (res.readableStreamBody as { destroy?: () => void } | undefined)?.destroy?.();
    throw new ServiceResponseError(
      `${what}: asked for ${asked}, the answer was ${res.status}${contentRange ? ` with Content-Range ${contentRange}` : ""}: ${why}. Nothing of it was used (${UNEXPECTED_RANGE}).`,
      { code: UNEXPECTED_RANGE, statusCode: res.status },
    );
  };
  if (range.etag !== undefined && range.etag !== "*") {
    const etag = res.headers.get("etag");
    if (etag !== undefined && etag !== range.etag) refuse(`its ETag ${etag} is not the pinned ${range.etag}`);
  }
  if (!ranged) return;
  if (res.status !== 206) refuse("the range was ignored");
  const match = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(contentRange ?? "");
  if (!match) {
    refuse("no valid Content-Range");
    return;
  }
  const first = Number(match[1]);
  const last = Number(match[2]);
  if (first !== range.offset) refuse(`it starts at byte ${first}`);
  if (Number.isFinite(length) && length !== last - first + 1) refuse(`its Content-Length is ${length}`);
  if (range.count !== undefined) {
    const wantedLast = range.offset + range.count - 1;
    if (range.exact ? last !== wantedLast : last > wantedLast) refuse(`it ends at byte ${last}`);
  }
}
