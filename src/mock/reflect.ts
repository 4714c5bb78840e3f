/**
 * Prism serves the same example whatever the request asked for (TOOLCHAIN: "Stateless"). A client
 * walking pages or fetching by id would see a server that ignores it, so the mock reflects the
 * request in 200 bodies: list pages echo `offset` and `limit` and hold the example's records that
 * fall in that window; single records carry the id that was asked for.
 */
import * as contract from "../../generated/contract.js";

const { offset: offsetBounds, limit: limitBounds } = contract.bounds;

/** The mock knows every id below this one; larger ids are unknown (404), so a client can test "not found". */
export const FIRST_UNKNOWN_ID = 1_000_000_000;

interface Page {
  limit: number;
  offset: number;
  total: number;
  [items: string]: unknown;
}

/**
 * The example's items are taken as records `body.offset` onwards of a list of `total` records; the page
 * returned is the window the request asked for.
 */
export function reflectPage(body: Page, listKey: string, search: string): Page {
  const query = new URLSearchParams(search);
  const offset = query.has("offset") ? Number(query.get("offset")) : offsetBounds.default;
  const limit = query.has("limit") ? Number(query.get("limit")) : limitBounds.default;
  const records = Array.isArray(body[listKey]) ? (body[listKey] as unknown[]) : [];
  const total = Math.max(body.total, body.offset + records.length);
  const start = offset - body.offset;
  const items = start < 0 ? [] : records.slice(start, start + limit);
  return { limit, offset, total, [listKey]: items };
}

export function reflectId<T extends { id?: unknown }>(body: T, id: number): T {
  return { ...body, id };
}
