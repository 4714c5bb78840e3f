/** Run under valgrind by bench/instructions.ts: `<contender> <calls>` makes that many calls, one at a time. */
import { CONTENDERS, type Contender, contenders } from "./contenders.js";

const [name, count] = process.argv.slice(2);
if (!CONTENDERS.includes(name as Contender) || !/^\d+$/.test(count ?? ""))
  throw new Error(`usage: <${CONTENDERS.join("|")}> <calls>`);
const call = contenders()[name as Contender];
for (let index = 0; index < Number(count); index++) await call();
