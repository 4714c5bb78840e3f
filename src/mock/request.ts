/**
 * A request as the mock's core reads it, whatever the host: the Node transport (node-transport.ts) and the MSW
 * handlers (msw.ts) each turn their own request into a `MockRequest`, and write the response they get back.
 */
export interface MockRequest {
  method: string;
  /** The path as sent, still percent-encoded (`/users/123`); an absolute-form target is reduced by the host. */
  path: string;
  /** The query string as sent, with its `?`, or "". */
  search: string;
  /** A request header by its lower-case name, repeated lines joined with ", "; undefined when absent. */
  header(name: string): string | undefined;
  /** Whether the request carries a body (every operation is a GET, which has none). */
  hasBody?: boolean;
}

/**
 * Whether a request's headers announce a body: a Content-Length other than 0, or any Transfer-Encoding. Both
 * hosts judge by the headers, since a host may drop the body and keep them (msw does, for a GET).
 */
export function announcesBody(header: MockRequest["header"]): boolean {
  const length = header("content-length");
  return (length !== undefined && Number(length) !== 0) || header("transfer-encoding") !== undefined;
}
