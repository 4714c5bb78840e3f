/**
 * Query keys: serializable arrays that start with `["@signalzen/api", scope]`, then the resource, then the
 * operation and its arguments. Arguments are copied into the key as given (minus undefined values, in a fixed key
 * order), never checked here: building a key runs during render, and a bad argument must become the query's error
 * (from `queryFn`), not a throw.
 *
 *   users.list      ["@signalzen/api", scope, "users", "list", { limit, offset }]
 *   users.get       ["@signalzen/api", scope, "users", "get", id]
 *   users.infinite  ["@signalzen/api", scope, "users", "infinite", { limit, offset }]
 *   messages.list   ["@signalzen/api", scope, "messages", userId, "list", { limit, offset }]
 *   messages.get    ["@signalzen/api", scope, "messages", userId, "get", id]
 *   messages.infinite ["@signalzen/api", scope, "messages", userId, "infinite", { limit, offset, start }]
 *
 * A user's chat (every page, message and window of it) shares the prefix `[...all, "messages", userId]`.
 */

/** The first element of every key: the package's name keeps its keys apart from the app's own. */
export const KEY_ROOT = "@signalzen/api";
export const DEFAULT_SCOPE = "default";

/** A value as it goes into a key: JSON's scalars as they are, anything else as a string (hashing cannot throw). */
export type KeyValue = string | number | boolean | null;
export type KeyArguments = { readonly [name: string]: KeyValue };

export function keyValue(value: unknown): KeyValue {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  return typeof value === "number" && Number.isFinite(value) ? value : String(value);
}

/**
 * An options object as it goes into a key: its defined values, names sorted, so that `{ limit, offset }` and
 * `{ offset, limit }` give the same key. `omit` drops a value that means the default (`start: "oldest"`).
 */
export function keyArguments(given: unknown, omit: Record<string, unknown> = {}): KeyArguments {
  if (given === undefined || given === null) return {};
  if (typeof given !== "object") return { value: keyValue(given) };
  const entries = Object.entries(given)
    .filter(([name, value]) => value !== undefined && omit[name] !== value)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([name, value]) => [name, keyValue(value)]));
}
