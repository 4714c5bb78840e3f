/** `@signalzen/api/types`: the types generated from openapi.yaml, for code that builds on the raw contract. */
export type { components, operations, paths } from "../../generated/schema.js";
