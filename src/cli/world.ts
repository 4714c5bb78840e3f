/** `signalzen-api world`: writes a world as JSON in the load format that `mock --data` serves. */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
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
  const { createWorld } = await import("../world/index.js");
  let generated: ReturnType<typeof createWorld>;
  try {
    generated = createWorld({
      ...(values.seed !== undefined && { seed: values.seed }),
      ...(users !== undefined && { users }),
      ...(values["assets-base"] !== undefined && { assetsBase: values["assets-base"] }),
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const out = values.output === undefined ? process.stdout : createWriteStream(values.output);
  // Written record by record, so a world of a million users never sits in memory as one string.
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
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
    await write(`${first ? "\n    " : ",\n    "}${JSON.stringify(String(user.id))}: [`);
    chat.forEach((message, index) => void out.write(`${index ? ",\n      " : "\n      "}${JSON.stringify(message)}`));
    await write("\n    ]");
    first = false;
  }
  await write(`${first ? "" : "\n  "}}\n}\n`);
  if (out !== process.stdout) {
    out.end();
    await once(out, "finish");
    console.error(
      `world: wrote ${values.output} (${generated.userCount} users); ` +
        `serve it with: signalzen-api mock --data ${values.output}`,
    );
  }
}
