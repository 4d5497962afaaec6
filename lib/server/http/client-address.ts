import "server-only";
import { randomBytes } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { type AddressRange, clientAddress, parseTrustedProxies } from "@/lib/domain/client-address";

// Next's App Router gives route handlers (and next-auth's authorize) a Request without the
// connection: there is no req.ip, and Next only fills X-Forwarded-For with the socket's
// address when the client sent none, so the header cannot tell the peer from a forgery.
// Node publishes every incoming request on the `http.server.request.start` diagnostics
// channel before the server's request handler runs; the server process subscribes once
// (instrumentation.ts) and writes the socket's address into PEER_HEADER, replacing
// whatever a client put there. The value carries a random tag of this process, so a
// request that arrived before the subscription (while the server was starting) cannot
// pass off its own header as the peer: such a request's peer is unknown.

export const PEER_HEADER = "x-park-peer-address";

const globalForPeer = globalThis as unknown as { __parkPeerTag?: string };

/** Starts recording each request's TCP peer (idempotent). Call it in the server process. */
export function capturePeerAddresses(): void {
  if (globalForPeer.__parkPeerTag) return;
  const tag = randomBytes(16).toString("hex");
  globalForPeer.__parkPeerTag = tag;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_HEADER] = `${tag} ${socket.remoteAddress ?? ""}`;
  });
}

/**
 * At server start (instrumentation.ts): checks TRUSTED_PROXIES, so a wrong value stops the
 * start with one line instead of failing at the first sign-in, then captures peers.
 */
export function startClientAddressCapture(): void {
  try {
    trustedProxies();
  } catch (e) {
    console.error(`[start] 配置错误：${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
  capturePeerAddresses();
}

type HeaderSource = Headers | Record<string, unknown> | undefined;

function header(headers: HeaderSource, name: string): string | null {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  return typeof value === "string" ? value : Array.isArray(value) ? value.join(", ") : null;
}

/** The request's TCP peer as recorded by capturePeerAddresses, or null if it was not. */
export function peerAddress(headers: HeaderSource): string | null {
  const tag = globalForPeer.__parkPeerTag;
  const value = header(headers, PEER_HEADER);
  if (!tag || !value?.startsWith(`${tag} `)) return null;
  return value.slice(tag.length + 1) || null;
}

let parsed: { source: string | undefined; proxies: AddressRange[] } | undefined;

/** TRUSTED_PROXIES, parsed; throws with a message naming the wrong entry. */
export function trustedProxies(): AddressRange[] {
  const source = process.env.TRUSTED_PROXIES;
  if (parsed?.source !== source || !parsed) {
    const result = parseTrustedProxies(source);
    if (!result.ok) throw new Error(result.message);
    parsed = { source, proxies: result.proxies };
  }
  return parsed.proxies;
}

/**
 * The address a request counts as coming from (lib/domain/client-address.ts): the peer, or,
 * behind a proxy listed in TRUSTED_PROXIES, the client that proxy names in
 * X-Forwarded-For. Null when unknown.
 */
export function requestClientAddress(headers: HeaderSource): string | null {
  return clientAddress({ peer: peerAddress(headers), forwardedFor: header(headers, "x-forwarded-for"), proxies: trustedProxies() });
}
