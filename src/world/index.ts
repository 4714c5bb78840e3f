/**
 * The mock's world: a seeded, realistic, consistent dataset of users, their chats and a team of operators,
 * served by the mock server and by the MSW handlers. Browser-safe: nothing here imports a Node built-in
 * (the Node-only file loader is `./load-file.js`, left out on purpose).
 */

export { ASSETS_PATH, MOCK_PATH } from "./assets-path.js";
export type { RecordValidator, WorldDataCheck } from "./check.js";
export { checkWorldData } from "./check.js";
export { worldFromData } from "./from-data.js";
export {
  checkWorldOptions,
  DEFAULT_ASSETS_BASE,
  DEFAULT_SEED,
  DEFAULT_USERS,
  generateWorld,
  MAX_USERS,
} from "./generate.js";
export { seededRandom } from "./random.js";
export type { World, WorldData, WorldOptions } from "./types.js";
