/**
 * The mock's own paths sit under this prefix, beside the API's and never among them (no contract path starts
 * with `/__`), as WireMock keeps its admin API under `/__admin`: the placeholders for the world's avatars and
 * files, and the scenario control.
 */
export const MOCK_PATH = "/__signalzen";
/** Where the placeholders for the world's avatars and files are served, under a mock's origin. */
export const ASSETS_PATH = `${MOCK_PATH}/assets`;
