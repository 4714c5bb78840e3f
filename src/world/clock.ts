/**
 * The world's own time. Nothing in a world is later than WORLD_NOW, a fixed instant rather than the wall
 * clock, so a world made today and one made next year are the same bytes. Times are whole seconds, like the
 * reference's examples (`2017-11-25T20:27:42.000Z`).
 */

/** A day in seconds, the world's unit of time. */
export const DAY = 86_400;

/** The world's "now", in seconds since the epoch: 2026-11-01T00:00:00Z. */
export const WORLD_NOW = Date.UTC(2026, 10, 1) / 1000;

/** Users signed up over the two years before WORLD_NOW... */
const SIGNUPS_FROM = WORLD_NOW - 730 * DAY;
/** ...and the last of them at least three days before it, so every chat has room to happen. */
const SIGNUPS_UNTIL = WORLD_NOW - 3 * DAY;

/**
 * When user `id` (1-based) of a world of `size` users signed up: the users share the sign-up period evenly,
 * each at a point `jitter` (0 to 1) into their own slot, so sign-ups ascend with the id. This is the one
 * place the size of a world shows in its records (see generate.ts).
 */
export function signupTime(id: number, size: number, jitter: number): number {
  const slot = (SIGNUPS_UNTIL - SIGNUPS_FROM) / size;
  return SIGNUPS_FROM + Math.floor((id - 1 + jitter) * slot);
}

export function isoTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}
