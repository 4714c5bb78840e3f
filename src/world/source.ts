/**
 * A world from options, the one way every entry makes it (the fixtures entry, the mock server, the MSW handlers):
 * given as `data` (checked whole, then served as is), or generated from `seed`, `users` and `assetsBase`, never
 * both. Checking and building are two steps, because a host may know its own default assets base only later
 * (the mock server's is its URL, known once it listens) and must refuse a bad option before it takes a port.
 * Browser-safe.
 */
import { checkWorldData } from "./check.js";
import { worldFromData } from "./from-data.js";
import { checkWorldOptions, generateWorld } from "./generate.js";
import type { World, WorldData, WorldOptions } from "./types.js";

export interface WorldSource extends WorldOptions {
  /** A world in the load format (`signalzen-api world` writes one) instead of a generated one. */
  data?: WorldData;
}

/** Checks data in the load format and returns it, or throws naming the first bad record. */
export type DataCheck = (data: WorldData) => WorldData;

/** The rules a browser can check (no JSON Schema: ajv stays out of browser bundles). */
const checkStructure: DataCheck = (data) => {
  const check = checkWorldData(data);
  if (!check.ok) throw new RangeError(`data: ${check.path} ${check.rule}`);
  return check.data;
};

/**
 * Checks the options now (throws, saying which and why) and returns what builds the world: a data world is
 * checked and made here, a generated one when called, under `defaultAssetsBase` unless `assetsBase` was given.
 */
export function planWorld(
  source: WorldSource,
  checkData: DataCheck = checkStructure,
): (defaultAssetsBase?: string) => World {
  const { data, seed, users, assetsBase } = source;
  if (data === undefined) {
    checkWorldOptions(source);
    return (defaultAssetsBase) => {
      const base = assetsBase ?? defaultAssetsBase;
      return generateWorld({
        ...(seed !== undefined && { seed }),
        ...(users !== undefined && { users }),
        ...(base !== undefined && { assetsBase: base }),
      });
    };
  }
  if (seed !== undefined || users !== undefined || assetsBase !== undefined) {
    throw new RangeError("give data, or seed, users and assetsBase to generate a world, not both");
  }
  const world = worldFromData(checkData(data));
  return () => world;
}
