/**
 * What every generated client is asked, and what it reports back: the four operations and an unknown user.
 * Each caller uses its generator's own types; the test compares the answers with the mock's world.
 */
export const CALLS = { limit: 5, userId: 123, messageId: 1234, unknownUserId: 999_999 } as const;

export interface Answer {
  status: number;
  body: unknown;
}

export interface Outcome {
  users: Answer;
  user: Answer;
  messages: Answer;
  message: Answer;
  unknownUser: Answer;
  /** Each message of the page in a line that needs `Message` narrowed on `sender_type` to compile. */
  senders: string[];
}

export interface CallerConfig {
  baseUrl: string;
  apiSecret: string;
}

export const ACCEPT = "application/vnd.signalzen.v1+json";
