/**
 * `npm run api:update` writes api/<entry>.api.md, the public TypeScript surface of each entry in package.json
 * `exports`: every exported name with its declared type. `npm run api:check` fails when the sources' surface and
 * the committed report differ, so a change to the package's promise is a visible diff in review (package.json's
 * version follows it, as the contract's `info.version` follows openapi.yaml).
 *
 * Why not api-extractor: it reads built .d.ts per entry (a tsc build first, tens of seconds) and brings a large
 * tool chain; TypeScript's own checker, already a devDependency, reads the sources in a few seconds.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { entries, root } from "./entries.js";

const flags = ts.TypeFormatFlags.NoTruncation;

/**
 * A member's name as source spells it. TypeScript names a well-known symbol member `__@asyncIterator@336`, the
 * number being the symbol's id in this compilation: it moves whenever an unrelated module is added or imported.
 */
const memberName = (member: ts.Symbol) => member.name.replace(/^__@(\w+)@\d+$/, "[Symbol.$1]");

/** One exported symbol as a line or block of TypeScript-like text. */
function describe(checker: ts.TypeChecker, name: string, exported: ts.Symbol): string {
  const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  const declaration = symbol.declarations?.[0];
  const lines: string[] = [];
  if (symbol.flags & ts.SymbolFlags.Class && declaration) {
    const instance = checker.getDeclaredTypeOfSymbol(symbol);
    const base = checker.getBaseTypes(instance as ts.InterfaceType).map((t) => checker.typeToString(t));
    lines.push(`class ${name}${base.length ? ` extends ${base.join(", ")}` : ""} {`);
    const constructorType = checker.getTypeOfSymbolAtLocation(symbol, declaration);
    for (const signature of constructorType.getConstructSignatures())
      lines.push(`  constructor${checker.signatureToString(signature, undefined, flags).replace(/ => .*$/, "")};`);
    for (const member of checker.getPropertiesOfType(constructorType).filter(ours))
      if (member.name !== "prototype")
        lines.push(`  static ${memberName(member)}: ${typeOf(checker, member, declaration)};`);
    for (const member of checker.getPropertiesOfType(instance).filter(ours))
      lines.push(`  ${memberName(member)}: ${typeOf(checker, member, declaration)};`);
    lines.push("}");
  } else if (symbol.flags & ts.SymbolFlags.Interface) {
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    lines.push(`interface ${name} {`);
    for (const member of checker.getPropertiesOfType(type)) {
      const optional = member.flags & ts.SymbolFlags.Optional ? "?" : "";
      lines.push(`  ${memberName(member)}${optional}: ${typeOf(checker, member, declaration!)};`);
    }
    lines.push("}");
  } else if (symbol.flags & ts.SymbolFlags.TypeAlias) {
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    const parameters = (declaration as ts.TypeAliasDeclaration).typeParameters?.map((p) => p.getText()).join(", ");
    const text = checker.typeToString(type, declaration, flags | ts.TypeFormatFlags.InTypeAlias);
    lines.push(`type ${name}${parameters ? `<${parameters}>` : ""} = ${text};`);
  } else if (symbol.flags & ts.SymbolFlags.Value && declaration) {
    const keyword = symbol.flags & ts.SymbolFlags.Function ? "function" : "const";
    lines.push(`${keyword} ${name}: ${typeOf(checker, symbol, declaration)};`);
  } else {
    // Namespaces, or a type-only re-export TypeScript keeps as a bare symbol: its name is still a promise.
    lines.push(`${ts.SymbolFlags[symbol.flags] ?? "export"} ${name};`);
  }
  return lines.join("\n");
}

/** Members the package declares (not those it inherits from `Error` and the like, which are Node's promise). */
function ours(member: ts.Symbol): boolean {
  return (member.declarations ?? []).some((d) => !d.getSourceFile().fileName.includes("/node_modules/"));
}

function typeOf(checker: ts.TypeChecker, symbol: ts.Symbol, at: ts.Node): string {
  return checker.typeToString(checker.getTypeOfSymbolAtLocation(symbol, at), undefined, flags);
}

/**
 * Every entry's report, keyed by its path under the repo. `replace` swaps a source file's text (absolute path to
 * text), so a test can ask what the report would be after a change without touching the tree.
 */
export function renderReports(replace: Record<string, string> = {}): Record<string, string> {
  const config = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => replace[path.resolve(file)] ?? readFile(file);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) => {
    const text = replace[path.resolve(file)];
    return text === undefined
      ? getSourceFile(file, language, ...rest)
      : ts.createSourceFile(file, text, language, true);
  };
  const list = entries().map(({ name, source }) => ({
    entry: name,
    source: path.join(root, source),
    report: `api/${name === "." ? "index" : name.slice(2)}.api.md`,
  }));
  const program = ts.createProgram(
    list.map((e) => e.source),
    options,
    host,
  );
  const checker = program.getTypeChecker();
  const reports: Record<string, string> = {};
  for (const { report, entry, source } of list) {
    const file = program.getSourceFile(source);
    const moduleSymbol = file && checker.getSymbolAtLocation(file);
    if (!moduleSymbol) throw new Error(`api-report: ${path.relative(root, source)} is not a module`);
    const exported = checker
      .getExportsOfModule(moduleSymbol)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((symbol) => describe(checker, symbol.name, symbol));
    const name = entry === "." ? "@signalzen/api" : `@signalzen/api/${entry.slice(2)}`;
    reports[report] = [
      `# ${name}: public API`,
      "",
      "Written by `npm run api:update` from the sources; `npm run api:check` fails when it is out of date.",
      "",
      "```ts",
      // A type the entry does not export is written as import("<file>"): keep the path the repo's, not this machine's.
      ...exported.map((text) =>
        text.replaceAll(`${root}/`, "").replace(/, \{ with: \{ "resolution-mode": "import" \} \}/g, ""),
      ),
      "```",
      "",
    ].join("\n");
  }
  return reports;
}

/** The reports (paths under the repo) that differ from what is committed; `reports` defaults to the sources'. */
export function staleReports(reports: Record<string, string> = renderReports()): string[] {
  return Object.entries(reports)
    .filter(([file, text]) => {
      const committed = path.join(root, file);
      return !existsSync(committed) || readFileSync(committed, "utf8") !== text;
    })
    .map(([file]) => file);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes("--check")) {
    const stale = staleReports();
    if (stale.length > 0) {
      console.error(
        `api:check: the public TypeScript surface changed and ${stale.join(", ")} ${stale.length === 1 ? "does" : "do"} not say so.\n` +
          "Run `npm run api:update`, review the diff, and commit it (with a semver-appropriate package version).",
      );
      process.exit(1);
    }
    console.log("api:check: api/ matches every entry's public surface");
  } else {
    mkdirSync(path.join(root, "api"), { recursive: true });
    for (const [file, text] of Object.entries(renderReports())) writeFileSync(path.join(root, file), text);
    console.log("api:update: wrote api/");
  }
}
