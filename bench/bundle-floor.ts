/**
 * The bundle-size floor: the client entry bundled exactly as `bundle_min_gzip_bytes` is, but with every
 * string literal and template text in the package's own code emptied (module specifiers kept). What it
 * prints is the size if no error message, class name or URL were left, which shows how much of the
 * bundle is messages and how much is logic.
 */
import { readFileSync } from "node:fs";
import type { Plugin } from "esbuild";
import ts from "typescript";
import { bundleClient } from "../test/helpers/bundle.js";

/** `{ "key": ... }`, `obj["key"]`: names, not text; emptying them would merge keys. */
const isName = (node: ts.StringLiteral) => (ts.isPropertyAssignment(node.parent) || ts.isPropertyDeclaration(node.parent) || ts.isPropertySignature(node.parent)) && node.parent.name === node;

function emptyStrings(fileName: string, source: string): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const { factory } = ts;
  const transformer: ts.TransformerFactory<ts.SourceFile> = (context) => (root) => {
    const visit = (node: ts.Node): ts.Node => {
      if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isImportTypeNode(node)) return node;
      if (ts.isStringLiteral(node) && !isName(node)) return factory.createStringLiteral("");
      if (ts.isNoSubstitutionTemplateLiteral(node)) return factory.createNoSubstitutionTemplateLiteral("");
      if (ts.isTemplateExpression(node)) {
        const last = node.templateSpans.length - 1;
        const spans = node.templateSpans.map((span, index) => factory.createTemplateSpan(ts.visitNode(span.expression, visit) as ts.Expression, index === last ? factory.createTemplateTail("") : factory.createTemplateMiddle("")));
        return factory.createTemplateExpression(factory.createTemplateHead(""), spans);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitNode(root, visit) as ts.SourceFile;
  };
  return ts.createPrinter().printFile(ts.transform(file, [transformer]).transformed[0]!);
}

const emptyOwnStrings: Plugin = {
  name: "empty-own-strings",
  setup(builder) {
    builder.onLoad({ filter: /[\\/](src|generated)[\\/][^\\/]+\.ts$/ }, (args) => ({ contents: emptyStrings(args.path, readFileSync(args.path, "utf8")), loader: "ts" }));
  },
};

/** The minified client bundle with the package's own strings emptied. */
export function bundleWithoutStrings(): Promise<string> {
  return bundleClient({ minify: true, plugins: [emptyOwnStrings] });
}
