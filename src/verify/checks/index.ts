/**
 * Every contract check, by family, all derived from openapi.yaml: adding an operation, a parameter
 * bound or a documented status to the spec adds its checks.
 */
import { operations } from "../../contract/facts.js";
import type { Check } from "../check.js";
import { errorChecks } from "./errors.js";
import { generatedCheck } from "./generated.js";
import { paginationChecks } from "./pagination.js";
import { successCheck } from "./success.js";

/** Every check, in the order they run. */
export function allChecks(): Check[] {
  return [
    ...operations.map(successCheck),
    ...operations.filter((operation) => operation.listKey).flatMap(paginationChecks),
    ...operations.flatMap(errorChecks),
    ...operations.map(generatedCheck),
  ];
}
