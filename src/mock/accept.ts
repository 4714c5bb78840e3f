/**
 * Whether an Accept header admits the API's media type (RFC 9110 §12.5.1).
 *
 * The reference says the vendor type must be sent, so it has to be named: `*\/*` or `application/*`
 * alone do not admit it. Parameters (`; charset=utf-8`), lists and any letter case are fine; a range
 * with `q=0` refuses the type.
 */
export function acceptAdmits(accept: string | undefined, mediaType: string): boolean {
  if (!accept) return false;
  const wanted = mediaType.toLowerCase();
  for (const range of accept.split(",")) {
    const [type = "", ...parameters] = range.split(";");
    if (type.trim().toLowerCase() !== wanted) continue;
    const quality = parameters.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith("q="));
    return quality === undefined || Number(quality.slice(2)) > 0;
  }
  return false;
}
