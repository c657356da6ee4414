/**
 * The azkit request path: pipeline, policies, transport, errors, serialization, paging, auth
 * policies and the sync bridge that every azkit client is built on.
 * @packageDocumentation
 */

// Each area below is owned by one part of the package; keep exports inside their section,
// named (no `export *`), `export type` for types.

// --- request path: request/response, pipeline, policies, transport, options, errors ---

// --- serde: schemas, serialize/deserialize, model classes, XML mapping ---

// --- paging and auth policies ---

// --- sync bridge ---
