/**
 * Which page comes after which in an infinite query. Oldest first walks offsets up until `total`; newest first
 * (a chat opened at its latest messages) starts at the last page and walks down to offset 0, each older page
 * ending where the newer one starts, so no message appears twice and every page but the oldest is full.
 *
 * Walking down is also what a growing chat needs: new messages are added at the end, so the offsets of older ones
 * do not move while the user scrolls up.
 */
import { checkKnown } from "../client/arguments.js";
import { InvalidArgumentError } from "../client/errors.js";
import type { PageParams } from "../contract/models.js";

/** Where an infinite query starts: the first page (`"oldest"`, the default) or the last (`"newest"`). */
export type Start = "oldest" | "newest";
const STARTS: readonly Start[] = ["oldest", "newest"];

/** A page and window argument of an infinite query: every page has `limit` items, the first at `offset`. */
export interface InfiniteWindow extends PageParams {
  /**
   * `"newest"` opens at the last page and loads older pages as the next ones, for a chat that scrolls up.
   * (Learning where the last page is takes one request more when there is more than one page.)
   * @default "oldest"
   */
  start?: Start;
}

/** The page a query asks for; `null` is the newest page, still to be found. */
export type PageParam = PageParams | null;

/** A list answer's position: every page of users or messages has these. */
export interface Position {
  offset: number;
  limit: number;
  total: number;
}

/** The page to ask for first, and the window's start; what is wrong with the window is said by `queryFn`. */
export function firstPage(window: InfiniteWindow | undefined): { start: unknown; page: PageParam } {
  const { start, ...page } = (window ?? {}) as Record<string, unknown>;
  return { start, page: start === "newest" ? null : page };
}

/** Throws `InvalidArgumentError` for what the client's own checks cannot see: `start`, and `offset` beside it. */
export function checkWindow(window: InfiniteWindow | undefined): void {
  const { start, offset, limit: _limit, ...rest } = (window ?? {}) as Record<string, unknown>;
  checkKnown(rest, "offset, limit, start");
  if (start !== undefined && !STARTS.includes(start as Start))
    throw new InvalidArgumentError(`start must be "oldest" or "newest"; got ${JSON.stringify(String(start))}`);
  if (start === "newest" && offset !== undefined)
    throw new InvalidArgumentError('offset cannot be given with start: "newest" (it starts at the last page)');
}

/** Oldest first: the page after `last`, or undefined after the last one. */
export function nextOlderFirst(last: Position): PageParams | undefined {
  const offset = last.offset + last.limit;
  return offset < last.total ? { offset, limit: last.limit } : undefined;
}

/**
 * Newest first: the page before `last` (older messages), or undefined once offset 0 is loaded. Every page but the
 * oldest is full, so `last.limit` is the window's page size.
 */
export function nextNewerFirst(last: Position): PageParams | undefined {
  if (last.offset <= 0) return undefined;
  const offset = Math.max(0, last.offset - last.limit);
  return { offset, limit: last.offset - offset };
}

/**
 * The newest page: the first page answers with `total`; when it is not the only one, the last full page is asked
 * for. `fetchPage` is the client's list call for the window's `limit`.
 */
export async function newestPage<Page extends Position>(
  limit: number | undefined,
  fetchPage: (page: PageParams) => Promise<Page>,
): Promise<Page> {
  const first = await fetchPage(limit === undefined ? {} : { limit });
  if (first.total <= first.limit) return first;
  return fetchPage({ offset: first.total - first.limit, limit: first.limit });
}
