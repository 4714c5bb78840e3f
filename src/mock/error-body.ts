/** The contract's error body (`#/components/schemas/ErrorBody`), as the mock builds it. */
import * as contract from "../contract/facts.js";
import type { ErrorBody, ErrorDetail } from "../contract/models.js";

export type { ErrorBody, ErrorDetail };

type DocumentedStatus = keyof typeof contract.errors;

/** Within the schema's maxLength and maxItems, whatever a message quotes (or a scrubbed quote grew to). */
const bounded = (detail: ErrorDetail): ErrorDetail => ({
  ...(detail.location !== undefined && { location: detail.location.slice(0, 200) }),
  message: detail.message.slice(0, 1000),
});

export function errorBody(status: number, message: string, details?: ErrorDetail[]): ErrorBody {
  const documented = contract.errors[String(status) as DocumentedStatus];
  if (!documented) throw new Error(`status ${status} is not one the contract documents`);
  return {
    status,
    code: documented.code,
    message: message.slice(0, 2000),
    ...(details?.length ? { details: details.slice(0, 100).map(bounded) } : {}),
  };
}
