/**
 * Walks every page of a list, in order, optionally several pages at a time.
 *
 * Each page is first checked against the contract's envelope (body-checks.ts: an object, `total` a whole number,
 * the list an array of records with whole-number ids), so a page that breaks it is an `InvalidResponseError`. Then
 * the rules (each has a test in test/client/paginate.test.ts):
 * - Pages are requested at `offset`, `offset + limit`, ... until `offset` reaches `total`. With
 *   `concurrency > 1`, once the first page tells the total, up to `concurrency` pages are in flight;
 *   they are still yielded in order.
 * - An empty page before `total` is reached ends the walk: the server has no more records.
 * - `total` growing during the walk (new records appended: the list is ordered by ascending id) is
 *   followed, up to twice the first page's total plus one page; past that the walk throws `PaginationError`
 *   rather than go on forever with a server whose total never stops growing.
 * - `total` shrinking during the walk means records before the current offset may have moved, so
 *   records could be skipped: the walk throws `PaginationError` rather than skip silently.
 * - A page with more items than `limit`, or an id seen on an earlier page, also throws
 *   `PaginationError`: nothing is repeated or dropped silently.
 * - Leaving the loop early (`break`, `return`, an exception) aborts the requests still in flight.
 */
import * as contract from "../contract/facts.js";
import { type CallHeaders, checkInteger, checkKnown, checkPage } from "./arguments.js";
import { PaginationError } from "./errors.js";

export interface Page {
  total: number;
}

export type PageFetcher<P extends Page> = (
  window: { offset: number; limit: number },
  signal: AbortSignal,
) => Promise<P>;

export interface WalkOptions {
  /** Page size. @default 99 (the largest the API allows, so the fewest requests) */
  limit?: number;
  /** Where to start. @default 0 */
  offset?: number;
  /** Pages in flight at once after the first. @default 1 */
  concurrency?: number;
  /** Aborts the walk and its requests. */
  signal?: AbortSignal;
}

export interface AllOptions extends WalkOptions {
  /** Headers sent with every page's request besides the client's own (never Authorization or Accept). */
  headers?: CallHeaders | undefined;
}

/** Every record of a list: `for await (const user of sz.users.all())`, or page by page with `.pages()`. */
export interface Paginator<Item, PageType> extends AsyncIterable<Item> {
  pages(): AsyncIterable<PageType>;
}

const MAX_CONCURRENCY = 16;
const ignore = () => {};

/** The paginator for one list; its options are checked now, so a bad one throws at the call. */
export function paginator<PageType extends Page, Item extends { id: number }>(
  fetchPage: PageFetcher<PageType>,
  itemsOf: (page: PageType) => Item[],
  options: WalkOptions,
  list: string,
): Paginator<Item, PageType> {
  const {
    limit = contract.bounds.limit.maximum,
    offset = contract.bounds.offset.default,
    concurrency = 1,
    signal,
    ...rest
  } = options ?? {};
  checkKnown(rest, "limit, offset, concurrency, signal, headers");
  checkPage({ limit, offset });
  checkInteger("concurrency", concurrency, 1, MAX_CONCURRENCY);
  const walk = () => walkPages(fetchPage, itemsOf, { limit, offset, concurrency, signal, list });
  return {
    pages: walk,
    async *[Symbol.asyncIterator]() {
      for await (const page of walk()) yield* itemsOf(page);
    },
  };
}

async function* walkPages<P extends Page>(
  fetchPage: PageFetcher<P>,
  itemsOf: (page: P) => readonly { id: number }[],
  options: Required<Pick<WalkOptions, "limit" | "offset" | "concurrency">> & {
    signal?: AbortSignal | undefined;
    list: string;
  },
): AsyncGenerator<P, void, undefined> {
  const { limit, concurrency } = options;
  const controller = new AbortController();
  const stopWithCaller = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener("abort", stopWithCaller, { once: true });
  if (options.signal?.aborted) stopWithCaller();
  const seen = new Set<number>();
  let total = 0;
  let maxTotal = 0;

  const fail = (problem: string) => new PaginationError(`${options.list}: ${problem}; restart the walk`, options.list);
  /** Applies the rules to a page as it is reached, in order. False means the walk is over. */
  const accept = (page: P, requestedOffset: number, first: boolean): boolean => {
    const items = itemsOf(page);
    if (items.length > limit)
      throw fail(`the page at offset ${requestedOffset} has ${items.length} items for limit ${limit}`);
    if (first) maxTotal = 2 * page.total + limit;
    else if (page.total < total)
      throw fail(`total fell from ${total} to ${page.total}, so records may have been skipped`);
    else if (page.total > maxTotal) {
      throw fail(
        `total grew to ${page.total} during the walk, past ${maxTotal} (twice the first page's total plus one page)`,
      );
    }
    total = page.total;
    for (const item of items) {
      if (seen.has(item.id)) throw fail(`id ${item.id} came again at offset ${requestedOffset}`);
      seen.add(item.id);
    }
    return items.length > 0;
  };

  try {
    let next = options.offset;
    const first = await fetchPage({ offset: next, limit }, controller.signal);
    const firstHasItems = accept(first, next, true);
    yield first; // even when empty: it tells the caller the total
    if (!firstHasItems) return;
    next += limit;
    const inFlight: { offset: number; page: Promise<P> }[] = [];
    const launch = () => {
      while (inFlight.length < concurrency && next < total) {
        const page = fetchPage({ offset: next, limit }, controller.signal);
        // Awaited in order below; a page left behind by an early exit must not be an unhandled rejection.
        page.catch(ignore);
        inFlight.push({ offset: next, page });
        next += limit;
      }
    };
    launch();
    while (inFlight.length) {
      const { offset, page: pending } = inFlight.shift()!;
      const page = await pending;
      if (!accept(page, offset, false)) return;
      yield page;
      launch();
    }
  } finally {
    options.signal?.removeEventListener("abort", stopWithCaller);
    controller.abort(); // leaving early, or finishing: nothing stays in flight
  }
}
