/** `@signalzen/api/types`: the types generated from openapi.yaml, for code that builds on the raw contract. */
export type { paths, components, operations } from "../../generated/schema.js";
