/** The engines of the default transport: transport tests run once on each. */
export const TRANSPORT_ENGINES = ["node:http", "undici"] as const;
