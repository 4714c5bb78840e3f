/**
 * What the client's bundle is made of, two ways, each bundled exactly as `bundle_min_gzip_bytes` is:
 * - with every string literal and template text in the package's own code emptied (module specifiers kept):
 *   the size if no error message, class name or URL were left, so how much is messages and how much logic;
 * - with openapi-fetch replaced by an empty module: the package's own code alone. openapi-fetch is there whole
 *   for `sz.GET` and `sz.raw` (its `createClient` closes over every serializer and the middleware loop, so
 *   nothing of it tree-shakes).
 */
import { readFileSync } from "node:fs";
import type { Plugin } from "esbuild";
import ts from "typescript";
import { bundleClient } from "../test/helpers/bundle.js";

/** `{ "key": ... }`, `obj["key"]`: names, not text; emptying them would merge keys. */
const isName = (node: ts.StringLiteral) =>
  (ts.isPropertyAssignment(node.parent) ||
    ts.isPropertyDeclaration(node.parent) ||
    ts.isPropertySignature(node.parent)) &&
  node.parent.name === node;

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
        const spans = node.templateSpans.map((span, index) =>
          factory.createTemplateSpan(
            ts.visitNode(span.expression, visit) as ts.Expression,
            index === last ? factory.createTemplateTail("") : factory.createTemplateMiddle(""),
          ),
        );
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
    builder.onLoad({ filter: /[\\/](src[\\/]client|generated)[\\/][^\\/]+\.ts$/ }, (args) => ({
      contents: emptyStrings(args.path, readFileSync(args.path, "utf8")),
      loader: "ts",
    }));
  },
};

/** The minified client bundle with the package's own strings emptied. */
export function bundleWithoutStrings(): Promise<string> {
  return bundleClient({ minify: true, plugins: [emptyOwnStrings] });
}

const withoutOpenapiFetch: Plugin = {
  name: "without-openapi-fetch",
  setup(builder) {
    builder.onResolve({ filter: /^openapi-fetch$/ }, () => ({ path: "openapi-fetch", namespace: "empty" }));
    builder.onLoad({ filter: /.*/, namespace: "empty" }, () => ({
      contents: "export default () => ({});",
      loader: "js",
    }));
  },
};

/** The minified client bundle with openapi-fetch left out: the package's own code and contract facts. */
export function bundleWithoutOpenapiFetch(): Promise<string> {
  return bundleClient({ minify: true, plugins: [withoutOpenapiFetch] });
}
