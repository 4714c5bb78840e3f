/**
 * orval's mutator for this API: every generated call goes through it. It adds what the spec cannot make a
 * generator send (the vendor `Accept`, which OpenAPI ignores as a header parameter), the Bearer secret and
 * the base URL, and returns the `{ data, status, headers }` orval's fetch client types each call as.
 */
export const signalzenConfig = { baseUrl: "http://127.0.0.1:4010", apiSecret: "" };

export async function signalzenFetch<T>(url: string, options: RequestInit): Promise<T> {
  const response = await fetch(`${signalzenConfig.baseUrl}${url}`, {
    ...options,
    headers: {
      ...options.headers,
      Accept: "application/vnd.signalzen.v1+json",
      Authorization: `Bearer ${signalzenConfig.apiSecret}`,
    },
  });
  const text = await response.text();
  return { data: text ? JSON.parse(text) : undefined, status: response.status, headers: response.headers } as T;
}
