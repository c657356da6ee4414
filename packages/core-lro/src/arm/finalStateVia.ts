/**
 * Where an ARM operation's final result comes from once it succeeded (the OpenAPI
 * `x-ms-long-running-operation-options.final-state-via` value). Same name as in `@azure/core-lro`.
 * - `azure-async-operation`: the body of the last status monitor response;
 * - `location`: a GET on the initial response's `Location` URL;
 * - `original-uri`: a GET on the URL of the initial request;
 * - `operation-location`: the status monitor's `resourceLocation` when it has one, else its body.
 * @public
 */
export type ResourceLocationConfig =
  | "azure-async-operation"
  | "location"
  | "original-uri"
  | "operation-location";

/** Where to read the final result: a GET on `url`, the last response body, or nothing (DELETE). */
export type FinalResultSource = { kind: "get"; url: string } | { kind: "lastBody" } | { kind: "none" };

/** What the decision needs to know about the operation. */
export interface FinalStateInputs {
  requestMethod: string;
  requestUrl: string;
  /** The `Location` header of the initial response, if any. */
  locationUrl?: string;
  /** The header style being polled. */
  mode: "azure-async-operation" | "operation-location" | "location";
  finalStateVia?: ResourceLocationConfig;
  /** `resourceLocation` of the final status monitor body, if any. */
  resourceLocation?: string;
}

/**
 * Picks the final result source: the explicit `final-state-via` when given, otherwise the ARM
 * defaults per method (PUT/PATCH: GET the original URI; DELETE: none; POST: the `Location` result).
 */
export function finalResultSource(inputs: FinalStateInputs): FinalResultSource {
  const { requestMethod, requestUrl, locationUrl, mode, finalStateVia, resourceLocation } = inputs;
  // In Location mode the final Location response already is the Location result.
  const fromLocation: FinalResultSource =
    mode === "location" || !locationUrl ? { kind: "lastBody" } : { kind: "get", url: locationUrl };
  switch (finalStateVia) {
    case "original-uri":
      return { kind: "get", url: requestUrl };
    case "location":
      return fromLocation;
    case "azure-async-operation":
      return { kind: "lastBody" };
    case "operation-location":
      return resourceLocation ? { kind: "get", url: resourceLocation } : { kind: "lastBody" };
    default:
      break;
  }
  switch (requestMethod.toUpperCase()) {
    case "PUT":
    case "PATCH":
      return { kind: "get", url: requestUrl };
    case "DELETE":
      return mode === "location" ? { kind: "lastBody" } : { kind: "none" };
    default:
      if (mode === "operation-location" && resourceLocation) return { kind: "get", url: resourceLocation };
      return fromLocation;
  }
}
