/**
 * JSON paths as messages name a place in data (`$.messages["7"][3].sender.id`): one spelling for the world's
 * checks, the JSON syntax checker and schema violations. Browser-safe (see json.ts for why src/shared/).
 */
import { pointerTokens } from "./pointer.js";

/** One step: `.name`, `["odd key"]` where a dot would not do, `[3]` for an array index. */
export function pathStep(step: string | number): string {
  if (typeof step === "number") return `[${step}]`;
  return /^[A-Za-z_$][\w$]*$/.test(step) ? `.${step}` : `[${JSON.stringify(step)}]`;
}

/** The path of the steps from the root: `$` + `.users[3].id`. */
export function jsonPath(steps: readonly (string | number)[]): string {
  return `$${steps.map(pathStep).join("")}`;
}

/** A JSON pointer inside a value (`/sender/email`, `/3`) as steps of a path (`.sender.email`, `[3]`). */
export function pointerAsPath(pointer: string): string {
  // A pointer does not say whether `3` is an index or a key; in the records it names, digits are indexes.
  return pointerTokens(pointer)
    .map((token) => pathStep(/^\d+$/.test(token) ? Number(token) : token))
    .join("");
}
