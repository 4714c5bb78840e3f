/** verify's defaults, apart from the checks so that the CLI's help can show them without loading ajv. */
export const VERIFY_DEFAULTS = {
  maxRequests: 500,
  timeoutMs: 10_000,
  // Five minutes: a full run is about 250 requests, which a server 1 s away still finishes in time.
  deadlineMs: 300_000,
  // Above the largest page the contract allows: 99 users with every string at its maximum length are
  // about 13 million characters, 52 MB even if every character took 4 bytes of UTF-8.
  maxBodyBytes: 64 * 1024 * 1024,
  seed: 1,
  generatedRuns: 25,
  maxWalkPages: 20,
} as const;
