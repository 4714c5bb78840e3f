/**
 * A visitor's chat: who says what, when, and what each side has read.
 *
 * A chat is a run of visits ("sessions"): the visitor asks about a topic, an operator of the team answers,
 * they go back and forth, perhaps send a file, and say goodbye; a later visit starts another topic. The chat
 * is that script cut at its length (chatLength), so a chat can end on an unanswered question, as real ones do.
 *
 * The rules a frontend can rely on (each checked over whole worlds in test/world/rules.test.ts):
 * - a visitor's message carries the chat's own user as sender; an operator's, one member of the fixed team;
 * - only the first message can be an automatic invitation, sent by an operator;
 * - a file message has `file_url` set and `body` null (the spec: body is null for a message that only carries a file);
 * - times are whole seconds, strictly ascending, after the user signed up and not after WORLD_NOW;
 * - each side has read everything up to its own last message, so only the tail of a chat can be unread.
 */
import { DAY, WORLD_NOW } from "./clock.js";
import type { Identity } from "./people.js";
import { type Chance, chance } from "./random.js";
import { LINES, OPERATOR_FILES, USER_FILES } from "./vocabulary.js";

interface Turn {
  /** -1 for the visitor, else the index of the operator in the team. */
  operator: number;
  body: string | null;
  file: string | null;
  invitation: boolean;
  /** When it is sent, in seconds since the epoch: after the user signed up and not after WORLD_NOW. */
  time: number;
}

export interface ChatPlan {
  turns: Turn[];
  /** The index of the last message the visitor has read, and the team's; -1 for none. */
  readByUserUpTo: number;
  readByOperatorUpTo: number;
}

const VISITOR = -1;
const MINUTE = 60;
const HOUR = 3_600;

/** The script of a chat, long enough for any length: the caller stops when it has enough. */
function* script(draw: Chance, greeting: string, team: number): Generator<Omit<Turn, "time"> & { pause: Pause }> {
  const say = (operator: number, body: string, pause: Pause) => ({
    operator,
    body,
    file: null,
    invitation: false,
    pause,
  });
  const send = (operator: number, file: string, pause: Pause) => ({
    operator,
    body: null,
    file,
    invitation: false,
    pause,
  });
  if (draw.chance(0.3)) {
    yield {
      operator: draw.int(0, team - 1),
      body: draw.pick(LINES.invitation),
      file: null,
      invitation: true,
      pause: "arrival",
    };
  }
  for (let visit = 0; ; visit++) {
    const operator = draw.int(0, team - 1);
    const [question, reply] = draw.pick(LINES.topics);
    const opening: Pause = visit === 0 ? "arrival" : "return";
    if (draw.chance(0.4)) {
      yield say(VISITOR, draw.pick(LINES.hello), opening);
      yield say(VISITOR, question, "typing");
    } else {
      yield say(VISITOR, question, opening);
    }
    yield say(operator, draw.pick(LINES.greet).replace("{name}", greeting), "reply");
    yield say(operator, reply, "typing");
    for (let exchange = draw.int(0, 4); exchange > 0; exchange--) {
      if (draw.chance(0.15)) {
        yield say(VISITOR, draw.pick(LINES.fileReasons), "reply");
        yield say(operator, draw.pick(LINES.askFile), "reply");
        yield send(VISITOR, draw.pick(USER_FILES), "reply");
        yield say(operator, draw.pick(LINES.gotFile), "reply");
      } else {
        const [followUp, answer] = draw.pick(LINES.followUps);
        yield say(VISITOR, followUp, "reply");
        yield say(operator, answer, "reply");
      }
      if (draw.chance(0.1)) yield send(operator, draw.pick(OPERATOR_FILES), "typing");
    }
    if (draw.chance(0.7)) yield say(VISITOR, draw.pick(LINES.userThanks), "reply");
    if (draw.chance(0.8)) yield say(operator, draw.pick(LINES.operatorBye), "reply");
  }
}

/** How long before a message: arriving on the site, answering, typing on, or coming back another day. */
type Pause = "arrival" | "reply" | "typing" | "return";

function pauseSeconds(draw: Chance, pause: Pause): number {
  if (pause === "arrival") return draw.int(5, 10 * MINUTE);
  if (pause === "reply") return draw.int(8, 3 * MINUTE);
  if (pause === "typing") return draw.int(3, 40);
  return draw.int(HOUR, 30 * DAY);
}

/**
 * Plans a chat of `length` messages for a visitor who signed up at `signedUp` (seconds). The words depend only
 * on the seed and the user; the times also on the sign-up, squeezed when needed so that the last message is
 * not after WORLD_NOW.
 */
export function planChat(
  seed: string,
  userId: number,
  identity: Identity,
  team: number,
  length: number,
  signedUp: number,
): ChatPlan {
  if (length === 0) return { turns: [], readByUserUpTo: -1, readByOperatorUpTo: -1 };
  const words = chance(seed, "chat", userId);
  const timing = chance(seed, "chat-time", userId);
  // Each turn with its pause: the seconds since the turn before (or since sign-up, for the first).
  const paused: { turn: Omit<Turn, "time">; seconds: number }[] = [];
  for (const { pause, ...turn } of script(words, identity.greeting, team)) {
    paused.push({ turn, seconds: pauseSeconds(timing, pause) });
    if (paused.length === length) break;
  }
  // Pauses are at least one second each, so a chat of n messages needs n seconds: the sign-up period ends
  // days before WORLD_NOW, so the room is always there.
  const room = WORLD_NOW - signedUp - length;
  const wanted = paused.reduce((sum, { seconds }) => sum + seconds, 0);
  const squeeze = wanted > room ? room / wanted : 1;
  let time = signedUp;
  const turns = paused.map(({ turn, seconds }): Turn => {
    time += Math.max(1, Math.floor(seconds * squeeze));
    return { ...turn, time };
  });
  const lastBy = (visitor: boolean) => {
    let index = turns.length - 1;
    while (index >= 0 && (turns[index]!.operator === VISITOR) !== visitor) index--;
    return index;
  };
  return {
    turns,
    readByUserUpTo: readUpTo(timing, lastBy(true), length, 0.75),
    readByOperatorUpTo: readUpTo(timing, lastBy(false), length, 0.85),
  };
}

/** Everything up to one's own last message is read; of the messages after it, all or only the first few. */
function readUpTo(draw: Chance, lastOwn: number, length: number, readsAll: number): number {
  return draw.chance(readsAll) ? length - 1 : draw.int(lastOwn, length - 1);
}
