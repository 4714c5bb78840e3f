/**
 * How far the client checks a success body, beyond its being JSON: a record must be an object; a page must also
 * have a whole-number `total` and its list (`users`, `messages`) as an array of objects with whole-number ids, which
 * is what walking pages relies on. Fields inside a record are not checked: the types promise them, and checking
 * each would cost every call. (`signalzen-api verify` checks a server against the whole schema.)
 */
import * as contract from "../contract/facts.js";
import { isObject } from "../shared/json.js";
import type { BodyCheck } from "./attempt.js";

const isWhole = (value: unknown) => Number.isInteger(value) && Number(value) >= 0;
/** What the server sent, short enough for a message; a value nested too deep to stringify is described instead. */
function show(value: unknown): string {
  try {
    return String(JSON.stringify(value)).slice(0, 100);
  } catch {
    return "a value nested too deeply to show";
  }
}

const isRecord: BodyCheck = (body) => (isObject(body) ? undefined : `JSON that is not an object: ${show(body)}`);

const isPage =
  (key: string): BodyCheck =>
  (body) => {
    if (!isObject(body)) return isRecord(body);
    const items = body[key];
    if (!isWhole(body.total)) return `a page whose total is ${show(body.total)}, not a whole number`;
    if (!Array.isArray(items)) return `a page whose ${key} is ${show(items)}, not a list`;
    const bad = items.find((item) => !isObject(item) || !isWhole(item.id));
    return bad === undefined
      ? undefined
      : `a page whose ${key} includes ${show(bad)}, not a record with a whole-number id`;
  };

/** The check for each path's success body, from the contract's list keys. */
export const bodyChecks: Readonly<Record<string, BodyCheck>> = Object.fromEntries(
  contract.operations.map(({ path, listKey }) => [path, listKey ? isPage(listKey) : isRecord]),
);
