/**
 * The one way code under src/ reaches the contract's facts: everything generated/contract.ts holds (paths, media
 * type, bounds, errors, operations), and typed accessors over it (an operation by id, whether it declares a status,
 * a status's documented error, the resource a path parameter names). Browser-safe.
 */
import * as contract from "../../generated/contract.js";
import type { ErrorFact, OperationFact, Resource } from "./fact-types.js";

export * from "../../generated/contract.js";
export type { BoundsFact, ErrorFact, OperationFact, Resource } from "./fact-types.js";

/** One of the contract's operations, with its literal facts. */
export type Operation = (typeof contract.operations)[number];
export type OperationId = Operation["operationId"];

/** The operation with this operationId (every id the contract has is accepted by the type). */
export function operationById(operationId: OperationId): Operation {
  return contract.operations.find((operation) => operation.operationId === operationId)!;
}

/** Whether the operation declares this status. */
export function declares(operation: OperationFact, status: number): boolean {
  return operation.statuses.includes(status);
}

/** The documented error of a status (code, example message, Retry-After), or undefined when undocumented. */
export function errorFact(status: number): ErrorFact | undefined {
  return (contract.errors as Readonly<Record<string, ErrorFact>>)[String(status)];
}

/** The record a path parameter of an operation names. */
export function resourceOfParam(operation: OperationFact, name: string): Resource {
  const parameter = operation.pathParams.find((each) => each.name === name);
  if (!parameter) throw new Error(`${operation.operationId} has no path parameter ${name}`);
  return parameter.resource;
}
