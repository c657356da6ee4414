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
  const headers = res.headers;
  if (range.etag !== undefined && range.etag !== "*") {
    const etag = headers.get("etag");
    if (etag !== undefined && etag !== range.etag) {
      refuse(res, range, what, `its ETag ${etag} is not the pinned ${range.etag}`);
    }
  }
  // A whole-blob download (from 0 to the end) takes any answer; the rest must be the range asked.
  if (range.offset === 0 && range.count === undefined) return;
  if (res.status !== 206) refuse(res, range, what, "the range was ignored");
  const match = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(headers.get("content-range") ?? "");
  if (!match) refuse(res, range, what, "no valid Content-Range");
  const first = Number(match[1]);
  const last = Number(match[2]);
  const length = Number(headers.get("content-length"));
  if (first !== range.offset) refuse(res, range, what, `it starts at byte ${first}`);
  if (Number.isFinite(length) && length !== last - first + 1) {
    refuse(res, range, what, `its Content-Length is ${length}`);
  }
  if (range.count !== undefined) {
    const wantedLast = range.offset + range.count - 1;
    if (range.exact ? last !== wantedLast : last > wantedLast)
      refuse(res, range, what, `it ends at byte ${last}`);
  }
}

/** Drops the body of a response that answers another range, and throws the error that says why. */
function refuse(res: PipelineResponse, range: RequestedRange, what: string, why: string): never {
  const contentRange = res.headers.get("content-range");
  const asked = `bytes ${range.offset}-${range.count === undefined ? "" : range.offset + range.count - 1}`;
  (res.readableStreamBody as { destroy?: () => void } | undefined)?.destroy?.();
  throw new ServiceResponseError(
    `${what}: asked for ${asked}, the answer was ${res.status}${contentRange ? ` with Content-Range ${contentRange}` : ""}: ${why}. Nothing of it was used (${UNEXPECTED_RANGE}).`,
    { code: UNEXPECTED_RANGE, statusCode: res.status },
  );
}
