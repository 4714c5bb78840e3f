/**
 * Whether an answer is one the contract allows: a declared status, the vendor media type, the
 * status's required headers, and a body valid against its schema. Every family of checks judges
 * answers through this module, so that a finding about a header or the body names the rule broken (its
 * place in openapi.yaml and the schema keyword); one about the status or the connection says what came.
 */

import spec from "../../generated/openapi.json" with { type: "json" };
import * as contract from "../contract/facts.js";
import { declares, type Operation } from "../contract/facts.js";
import { createSchemaValidator, responseSchemaPointer } from "../node/schema-validator.js";
import type { Json } from "../shared/json.js";
import { deref, resolvePointer } from "../shared/pointer.js";
import { type Exchange, isVendorType, type Reply } from "./session.js";

export interface Finding {
  message: string;
  exchange?: Exchange;
  /** Where in the response body, as a JSON pointer. */
  instancePath?: string;
  /** The value found there, or the start of the body, shortened. */
  excerpt?: string;
  /** The rule broken: a JSON pointer into openapi.yaml, and the schema keyword. */
  specPointer?: string;
  keyword?: string;
}

const validator = createSchemaValidator();
const EXCERPT_CHARS = 120;
const BODY_START_CHARS = 200;

/**
 * A value as JSON, shortened for a report. Written only as far as the excerpt shows: a server's value can be
 * megabytes long or nested thousands deep (JSON.stringify would overflow the stack), and each level written
 * costs at least one character of the budget, so the recursion is at most EXCERPT_CHARS deep.
 */
export function excerpt(value: unknown): string {
  let text = "";
  const full = () => text.length > EXCERPT_CHARS;
  const write = (node: unknown): void => {
    if (node === null || typeof node !== "object") {
      text += (JSON.stringify(node) ?? String(node)).slice(0, EXCERPT_CHARS + 1);
      return;
    }
    const array = Array.isArray(node);
    text += array ? "[" : "{";
    // Keys one at a time: a million-item array is not copied to show its first few.
    const keys = array ? undefined : Object.keys(node);
    const length = array ? node.length : keys!.length;
    for (let index = 0; index < length; index++) {
      if (full()) return;
      if (index) text += ",";
      if (keys) text += `${JSON.stringify(keys[index]).slice(0, EXCERPT_CHARS + 1)}:`;
      write(array ? node[index] : (node as Record<string, unknown>)[keys![index]!]);
    }
    text += array ? "]" : "}";
  };
  write(value);
  return full() ? `${text.slice(0, EXCERPT_CHARS - 3)}...` : text;
}

/** The start of a response's body, for a finding about the answer as a whole. */
export function bodyStart(exchange: Exchange): string {
  return exchange.response?.bodyExcerpt.slice(0, BODY_START_CHARS) ?? "";
}

/** Whether a reply is the given status (or one of them), in the shape the contract declares for it. */
export function expectStatus(
  reply: Reply,
  operation: Operation,
  expected: number | readonly number[],
  what: string,
): Finding[] {
  const { exchange } = reply;
  const response = exchange.response;
  if (!response) return [{ message: `${what}: no response (${exchange.error})`, exchange }];
  const statuses = typeof expected === "number" ? [expected] : expected;
  if (!statuses.includes(response.status)) {
    const message = `${what}: expected status ${statuses.join(" or ")}, got ${response.status}`;
    return [{ message, exchange, excerpt: bodyStart(exchange) }];
  }
  return conforms(reply, operation);
}

/** Whether a response is one the spec declares for the operation, in the declared shape. */
export function conforms(reply: Reply, operation: Operation): Finding[] {
  const { exchange, json } = reply;
  const response = exchange.response!;
  const findings: Finding[] = [];
  if (response.status >= 500 && !declares(operation, response.status)) {
    findings.push({ message: `server error ${response.status}`, exchange });
  }
  const pointer = responseSchemaPointer(spec, operation.path, "get", response.status);
  if (!pointer) {
    const declared = operation.statuses.join(", ");
    const message = `status ${response.status} is not declared for GET ${operation.path} (declared: ${declared})`;
    return [...findings, { message, exchange, excerpt: bodyStart(exchange) }];
  }
  if (!isVendorType(response.contentType)) {
    const message = `Content-Type is "${response.contentType}", not ${contract.mediaType}`;
    findings.push({ message, exchange, specPointer: pointer.replace(/\/schema$/, ""), keyword: "content" });
  }
  const declaredHeaders = (responseObject(operation, response.status).headers ?? {}) as Json;
  for (const [name, header] of Object.entries(declaredHeaders)) {
    if (!deref(spec, header).required || response.headers[name.toLowerCase()] !== undefined) continue;
    const specPointer = `${pointer.replace(/\/content\/.*$/, "")}/headers/${name}`;
    findings.push({ message: `the required ${name} header is missing`, exchange, specPointer, keyword: "required" });
  }
  if (response.truncatedAt !== undefined) {
    const cap = response.truncatedAt;
    const message = `the body is longer than the ${cap} bytes verify reads (--max-body-bytes): not checked`;
    findings.push({ message, exchange, excerpt: bodyStart(exchange) });
    return findings;
  }
  if (response.tooManyValues !== undefined) {
    const message =
      `the body holds more than ${response.tooManyValues} JSON values, more than any answer the contract ` +
      "allows: not parsed, nor checked against its schema";
    findings.push({ message, exchange, excerpt: bodyStart(exchange) });
    return findings;
  }
  if (json === undefined) {
    findings.push({ message: "the body is not JSON", exchange, excerpt: bodyStart(exchange) });
    return findings;
  }
  for (const violation of validator.validate(pointer, json)) {
    findings.push({
      message: `the body ${violation.message}${violation.firstOnly ? ` (${violation.firstOnly})` : ""}`,
      exchange,
      instancePath: violation.instancePath,
      excerpt: excerpt(resolvePointer(json, violation.instancePath)),
      specPointer: violation.specPointer,
      keyword: violation.keyword,
    });
  }
  return findings;
}

function responseObject(operation: Operation, status: number): Json {
  return deref(spec, (spec.paths as Json)[operation.path].get.responses[String(status)]);
}
