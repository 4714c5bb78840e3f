/** A plain HTTP client for tests: sends exactly the headers given (fetch would add Accept: *\/*). */
import http from "node:http";
import https from "node:https";
import * as contract from "../../generated/contract.js";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json(): any;
}

export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = (url.startsWith("https:") ? https : http).request(
      url,
      { method: options.method ?? "GET", headers: options.headers ?? {}, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: () => JSON.parse(text) });
        });
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

export const GOOD_HEADERS = { Accept: contract.mediaType, Authorization: "Bearer test-secret" };
