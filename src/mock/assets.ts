/**
 * Placeholders for the world's avatars and files, so that every picture in a chat loads with no network: an
 * avatar is a 40x40 identicon PNG, an image file a 64x48 PNG, a PDF a one-page PDF naming the file, any other
 * file a short text. Each is made in code from the URL's path alone (no binary blobs, no seed, no clock), so
 * both hosts send the same bytes for the same URL. Browser-safe: no Node built-ins.
 */
import { type ContentResponse, contentResponse, errorResponse, type MockResponse } from "./responses.js";

const IMAGE = /\.(png|jpe?g|gif|webp|bmp|heic)$/i;
const TEXT_TYPES: Record<string, string> = { txt: "text/plain; charset=utf-8", csv: "text/csv; charset=utf-8" };

/** FNV-1a: a small, stable hash of the path, for colours and patterns. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) value = Math.imul(value ^ text.charCodeAt(index), 0x01000193);
  return value >>> 0;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let bit = 0; bit < 8; bit++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const u32 = (value: number) => [(value >>> 24) & 255, (value >>> 16) & 255, (value >>> 8) & 255, value & 255];

function chunk(type: string, data: number[]): number[] {
  const typed = [...type].map((letter) => letter.charCodeAt(0));
  return [...u32(data.length), ...typed, ...data, ...u32(crc32(new Uint8Array([...typed, ...data])))];
}

/**
 * A two-colour PNG (1 bit per pixel, palette), its pixels in one stored (uncompressed) deflate block: at these
 * sizes compression would save a few hundred bytes, and a hand-written encoder of 30 lines keeps a PNG library
 * (and Node's zlib) out of the browser bundle.
 */
function twoColourPng(
  width: number,
  height: number,
  colours: [number[], number[]],
  on: (x: number, y: number) => boolean,
) {
  const rowBytes = Math.ceil(width / 8);
  const raw: number[] = [];
  for (let y = 0; y < height; y++) {
    raw.push(0); // filter: none
    for (let byte = 0; byte < rowBytes; byte++) {
      let bits = 0;
      for (let bit = 0; bit < 8; bit++) if (on(byte * 8 + bit, y)) bits |= 0x80 >> bit;
      raw.push(bits);
    }
  }
  let a = 1;
  let b = 0;
  for (const byte of raw) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  const length = raw.length;
  const zlib = [
    0x78,
    0x01,
    1,
    length & 255,
    length >> 8,
    ~length & 255,
    (~length >> 8) & 255,
    ...raw,
    ...u32(((b << 16) | a) >>> 0),
  ];
  return new Uint8Array([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...chunk("IHDR", [...u32(width), ...u32(height), 1, 3, 0, 0, 0]),
    ...chunk("PLTE", [...colours[0], ...colours[1]]),
    ...chunk("IDAT", zlib),
    ...chunk("IEND", []),
  ]);
}

/** A saturated colour and a pale background, from a hash. */
function colours(seed: number): [number[], number[]] {
  const hue = seed % 360;
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    return Math.round(255 * (0.5 - 0.4 * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [
    [240, 240, 243],
    [channel(0), channel(8), channel(4)],
  ];
}

/** A 5x5 mirrored identicon in 8-pixel cells: each avatar recognisably its own. */
function avatar(path: string): Uint8Array {
  const seed = hash(path);
  return twoColourPng(40, 40, colours(seed), (x, y) => {
    const column = Math.min(Math.floor(x / 8), 4 - Math.floor(x / 8));
    return ((seed >>> (8 + Math.floor(y / 8) * 3 + column)) & 1) === 1;
  });
}

/** A landscape (hills under a sky) whose skyline the path decides: a picture at a glance. */
function picture(path: string): Uint8Array {
  const seed = hash(path);
  const phase = (seed % 64) / 10;
  return twoColourPng(64, 48, colours(seed), (x, y) => y > 30 + 8 * Math.sin(x / 9 + phase));
}

/** A one-page PDF that names the file; the cross-reference offsets are counted, as a reader needs them. */
function pdf(name: string): Uint8Array {
  const text = `Placeholder for ${name} (SignalZen mock)`.replace(/[()\\]/g, "\\$&");
  const content = `BT /F1 18 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets = objects.map((object, index) => {
    const at = out.length;
    out += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out); // ASCII only: the file name is [\w.-]
}

const placeholderOf = (contentType: string, body: string | Uint8Array) =>
  contentResponse(contentType, body, {
    // The same bytes for the same URL, always: let the browser keep them.
    "Cache-Control": "public, max-age=86400",
    "Access-Control-Allow-Origin": "*",
    "Cross-Origin-Resource-Policy": "cross-origin",
  });

// The path is not quoted: a host serving the assets apart from the API has no secret to scrub it of.
const notFound = (): MockResponse =>
  errorResponse(
    404,
    "No placeholder here: the mock serves /avatars/ID/thumb.png and /files/ID/NAME under its assets base.",
  );

/**
 * The placeholder for a path under the assets base (`/avatars/7/thumb.png`, `/files/167/IMG_2041.jpg`), by the
 * kind of file its name says; any id is answered, so a hand-edited world's URLs load too.
 */
export function placeholder(method: string, path: string): ContentResponse {
  if (method !== "GET" && method !== "HEAD") {
    return errorResponse(
      405,
      `${method.slice(0, 20)} is not allowed on the mock's placeholders: only GET.`,
      undefined,
      {
        Allow: "GET, HEAD",
      },
    );
  }
  if (/^\/avatars\/\d{1,10}\/thumb\.png$/.test(path)) {
    return placeholderOf("image/png", avatar(path));
  }
  const file = /^\/files\/\d{1,10}\/([\w-][\w.-]{0,99})$/.exec(path)?.[1];
  if (file === undefined) return notFound();
  if (IMAGE.test(file)) return placeholderOf("image/png", picture(path));
  if (/\.pdf$/i.test(file)) return placeholderOf("application/pdf", pdf(file));
  const extension = /\.(\w+)$/.exec(file)?.[1]?.toLowerCase() ?? "";
  const type = TEXT_TYPES[extension] ?? "application/octet-stream";
  return placeholderOf(type, `Placeholder for ${file} (SignalZen mock)\n`);
}
