/** `signalzen-api world`: writes a world as JSON in the load format that `mock --data` serves. */
import { once } from "node:events";
import { createWriteStream, openSync } from "node:fs";
import path from "node:path";
import { finished } from "node:stream/promises";
import { integerOption, parse, UsageError } from "./options.js";
import { USAGE } from "./usage.js";

export async function world(args: string[]): Promise<void> {
  const values = parse(args, {
    seed: { type: "string" },
    users: { type: "string" },
    output: { type: "string" },
    "assets-base": { type: "string" },
  });
  if (values.help) return void console.log(USAGE);
  const users = integerOption("users", values.users, 0, 1_000_000);
  const { generateWorld } = await import("../world/index.js");
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
