/**
 * Filling an OpenAPI path template (`/users/{user_id}/messages/{id}`): the client, the mock, `verify` and the
 * docs' samples all do it with this. Browser-safe (see json.ts for why src/shared/).
 */

/**
 * The template with each `{name}` replaced by its value, percent-encoded: a value cannot change the path
 * (`1/../admin` stays one segment). A whole number, all the client and the mock ever fill in, is unchanged.
 */
export function fillPath(template: string, values: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{([^{}]+)\}/g, (_, name: string) => encodeURIComponent(String(values[name])));
}
