/** `signalzen-api world`: writes a world as JSON in the load format that `mock --data` serves. */
import { once } from "node:events";
import { createWriteStream, openSync } from "node:fs";
import path from "node:path";
import { finished } from "node:stream/promises";
import { DEFAULT_ASSETS_BASE, DEFAULT_SEED, DEFAULT_USERS, generateWorld, MAX_USERS } from "../world/index.js";
import { type CommandHelp, formatHelp } from "./help.js";
import { integerOption, parse, UsageError } from "./options.js";

export const WORLD_HELP = {
  name: "world",
  synopsis: "[options]",
  summary: "Write the world as JSON in the load format that 'mock --data' serves.",
  options: {
    seed: { type: "string", value: "S", text: `the world's seed (default "${DEFAULT_SEED}", the mock's)` },
    users: { type: "string", value: "N", text: `how many users, 0 to ${MAX_USERS} (default ${DEFAULT_USERS})` },
    "assets-base": {
      type: "string",
      value: "URL",
      text: `where avatars and files point (default ${DEFAULT_ASSETS_BASE})`,
    },
    output: { type: "string", value: "FILE", text: "where to write it (default: standard output)" },
  },
  examples: ["signalzen-api world --seed demo --users 50 --output world.json"],
} as const satisfies CommandHelp;

export async function world(args: string[]): Promise<void> {
  const values = parse(args, WORLD_HELP.options);
  if (values.help) return void console.log(formatHelp(WORLD_HELP));
  const users = integerOption("users", values.users, 0, MAX_USERS);
  let generated: ReturnType<typeof generateWorld>;
  try {
    generated = generateWorld({
      ...(values.seed !== undefined && { seed: values.seed }),
      ...(users !== undefined && { users }),
      ...(values["assets-base"] !== undefined && { assetsBase: values["assets-base"] }),
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  // Opened before anything is written, so that a path that cannot be written is refused up front (exit 2).
  const out = values.output === undefined ? process.stdout : createWriteStream("", { fd: openOutput(values.output) });
  const where = values.output ?? "standard output";
  // A write that fails later (a full disk) is an error event: kept, and thrown at the next write.
  let failure: Error | undefined;
  out.on("error", (error) => (failure ??= error));
  // Written record by record, so a world of a million users never sits in memory as one string.
  const write = async (text: string) => {
    if (failure) throw failure;
    if (!out.write(text)) await once(out, "drain");
  };
  try {
    await write('{\n  "users": [');
    let first = true;
    for (const user of generated.users()) {
      await write(`${first ? "\n    " : ",\n    "}${JSON.stringify(user)}`);
      first = false;
    }
    await write(`${first ? "" : "\n  "}],\n  "messages": {`);
    first = true;
    for (const user of generated.users()) {
      const chat = generated.chat(user.id) ?? [];
      if (!chat.length) continue;
      const messages = chat.map((message, index) => `${index ? ",\n      " : "\n      "}${JSON.stringify(message)}`);
      await write(`${first ? "\n    " : ",\n    "}${JSON.stringify(String(user.id))}: [${messages.join("")}\n    ]`);
      first = false;
    }
    await write(`${first ? "" : "\n  "}}\n}\n`);
    if (out !== process.stdout) {
      out.end();
      await finished(out);
    }
  } catch (error) {
    const { code, message } = (failure ?? error) as NodeJS.ErrnoException;
    const why = code === "ENOSPC" ? "no space left on the device (ENOSPC)" : code ? `${code}: ${message}` : message;
    throw new Error(`world: could not write ${where}: ${why}; what was written is incomplete`);
  }
  if (out !== process.stdout) {
    console.error(
      `world: wrote ${values.output} (${generated.userCount} users); ` +
        `serve it with: signalzen-api mock --data ${values.output}`,
    );
  }
}

/** Opens `--output`'s file for writing, or says what is wrong with the path and how to fix it. */
function openOutput(file: string): number {
  try {
    return openSync(file, "w");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const folder = path.dirname(file);
    const why: Record<string, string> = {
      EISDIR: `is a folder; give a file's path, e.g. --output ${path.join(file, "world.json")}`,
      ENOENT: `cannot be created: the folder ${folder} does not exist; create it first (mkdir -p ${folder})`,
      ENOTDIR: `cannot be created: ${folder} is not a folder`,
      EACCES: "cannot be written: permission denied; choose a path you may write to",
      EPERM: "cannot be written: permission denied; choose a path you may write to",
      EROFS: "cannot be written: the file system is read-only",
    };
    throw new UsageError(
      `--output ${file} ${why[code ?? ""] ?? `cannot be opened for writing (${code ?? String(error)})`}`,
    );
  }
}
