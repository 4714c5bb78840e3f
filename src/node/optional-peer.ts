/**
 * Loading an optional peer dependency (Prism, ajv, fast-check, yaml, Redocly CLI), or saying how to install it:
 * one message for every command and entry that needs one. Node-only (node:module), so it lives in src/node/.
 * (`@signalzen/api/msw` imports msw statically, as a browser entry must: it has no loader to share this.)
 */
import { createRequire } from "node:module";

export interface OptionalPeer {
  /** Who needs what, as the message starts: "docs needs @redocly/cli". */
  need: string;
  /** What to install, with versions: ["ajv@8", "ajv-formats@3"]. */
  install: readonly string[];
  /** Said after the install command, in parentheses. */
  note?: string;
}

/** An optional peer dependency is not installed; the message says how to install it. */
export class MissingPeerError extends Error {
  constructor(peer: OptionalPeer) {
    const one = peer.install.length === 1;
    super(
      `${peer.need}, which ${one ? "is" : "are"} not installed. ` +
        `Install ${one ? "it" : "them"} with: npm install --save-dev ${peer.install.join(" ")}` +
        (peer.note === undefined ? "" : ` (${peer.note})`),
    );
    this.name = "MissingPeerError";
  }
}

/** `load()` (a dynamic import), or a MissingPeerError when what it imports is not installed. */
export async function importPeer<T>(load: () => Promise<T>, peer: OptionalPeer): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_MODULE_NOT_FOUND") throw new MissingPeerError(peer);
    throw error;
  }
}

/** Where a peer's file is (`@redocly/cli/package.json`), resolved as this package resolves it, or a MissingPeerError. */
export function resolvePeer(specifier: string, peer: OptionalPeer): string {
  try {
    return createRequire(import.meta.url).resolve(specifier);
  } catch {
    throw new MissingPeerError(peer);
  }
}
