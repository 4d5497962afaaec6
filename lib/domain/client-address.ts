// Which address a request counts as coming from (sign-in throttle, audit rows). Pure.
//
// The TCP peer is the only address nobody can forge. `X-Forwarded-For` is a list anyone
// can write; it is read only when the peer is a proxy the operator named in
// TRUSTED_PROXIES, and then from the right: each trusted proxy appended the address it
// received from, so the first address from the right that is not a trusted proxy is the
// client. Without trusted proxies the header is ignored and the peer is the client.

/** An IPv4 (4 bytes) or IPv6 (16 bytes) address. */
type Bytes = number[];

/** A trusted proxy: one address or a CIDR block. */
export interface AddressRange {
  bytes: Bytes;
  prefix: number;
}

function parseIPv4(text: string): Bytes | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : null;
}

function parseIPv6(text: string): Bytes | null {
  let body = text.toLowerCase();
  const zone = body.indexOf("%");
  if (zone >= 0) body = body.slice(0, zone); // fe80::1%eth0: the zone names an interface, not part of the address
  let tail: Bytes = [];
  const lastColon = body.lastIndexOf(":");
  if (body.slice(lastColon + 1).includes(".")) {
    const v4 = parseIPv4(body.slice(lastColon + 1));
    if (!v4) return null;
    tail = v4;
    body = `${body.slice(0, lastColon + 1)}0:0`;
  }
  const halves = body.split("::");
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === "" ? [] : s.split(":"));
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  const bytes = all.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]);
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

const isMappedIPv4 = (b: Bytes) => b.length === 16 && b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;

/** The address's bytes; an IPv4-mapped IPv6 address (::ffff:10.0.0.1, as Node reports IPv4 peers on a dual-stack socket) is its IPv4 address. */
function parseAddress(text: string): Bytes | null {
  const bytes = text.includes(":") ? parseIPv6(text) : parseIPv4(text);
  if (!bytes) return null;
  return isMappedIPv4(bytes) ? bytes.slice(12) : bytes;
}

function formatAddress(b: Bytes): string {
  if (b.length === 4) return b.join(".");
  const groups = Array.from({ length: 8 }, (_, i) => (b[2 * i] << 8) | b[2 * i + 1]);
  // RFC 5952: the longest run of two or more zero groups (the first of equals) becomes "::".
  let best = { at: -1, len: 1 };
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.len) best = { at: i, len: j - i };
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.at < 0) return hex.join(":");
  return `${hex.slice(0, best.at).join(":")}::${hex.slice(best.at + best.len).join(":")}`;
}

/**
 * One address in a canonical form (IPv4 dotted, IPv6 compressed lower-case), so one client
 * is one key whatever the spelling; null for anything that is not an address. Accepts the
 * port some proxies append (`203.0.113.7:51234`, `[2001:db8::1]:443`).
 */
export function normalizeAddress(text: string | null | undefined): string | null {
  let s = (text ?? "").trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(s);
  if (bracketed) s = bracketed[1];
  else if (/^[\d.]+:\d{1,5}$/.test(s)) s = s.slice(0, s.lastIndexOf(":"));
  const bytes = parseAddress(s);
  return bytes ? formatAddress(bytes) : null;
}

/**
 * TRUSTED_PROXIES: comma-separated addresses and CIDR blocks (`10.0.0.1, 10.8.0.0/16, ::1`).
 * Unset or empty: no proxy is trusted. A wrong entry is a message naming it and the rule.
 */
export function parseTrustedProxies(value: string | undefined): { ok: true; proxies: AddressRange[] } | { ok: false; message: string } {
  const proxies: AddressRange[] = [];
  for (const entry of (value ?? "").split(",").map((e) => e.trim()).filter(Boolean)) {
    const [addr, prefixText, ...extra] = entry.split("/");
    const bytes = addr.includes(":") ? parseIPv6(addr) : parseIPv4(addr);
    const bits = bytes ? bytes.length * 8 : 0;
    const prefix = prefixText === undefined ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (!bytes || extra.length > 0 || !(prefix >= 0 && prefix <= bits)) {
      return {
        ok: false,
        message: `TRUSTED_PROXIES 中的“${entry}”不是 IP 地址或 CIDR 网段：请写成逗号分隔的地址或网段，例如 10.0.0.1,10.8.0.0/16,::1 (not an IP address or CIDR block)`,
      };
    }
    // ::ffff:10.0.0.0/104 is 10.0.0.0/8: mapped addresses are compared in their IPv4 form.
    const mapped = isMappedIPv4(bytes) && prefix >= 96;
    proxies.push(mapped ? { bytes: bytes.slice(12), prefix: prefix - 96 } : { bytes, prefix });
  }
  return { ok: true, proxies };
}

function inRange(b: Bytes, range: AddressRange): boolean {
  if (b.length !== range.bytes.length) return false;
  for (let bit = 0; bit < range.prefix; bit += 8) {
    const mask = range.prefix - bit >= 8 ? 0xff : (0xff << (8 - (range.prefix - bit))) & 0xff;
    if ((b[bit / 8] & mask) !== (range.bytes[bit / 8] & mask)) return false;
  }
  return true;
}

export function isTrustedProxy(address: string, proxies: readonly AddressRange[]): boolean {
  const bytes = parseAddress(address);
  return !!bytes && proxies.some((r) => inRange(bytes, r));
}

/**
 * The client's address, or null when it is unknown (no readable peer, or a trusted proxy
 * passed on something that is not an address).
 * - `peer`: the TCP connection's remote address.
 * - `forwardedFor`: the X-Forwarded-For header (several headers joined with commas).
 * - `proxies`: TRUSTED_PROXIES.
 * Only when the peer is trusted is the header read, right to left, skipping trusted
 * proxies; if every address in it is trusted, the leftmost one is the client.
 */
export function clientAddress(input: { peer: string | null | undefined; forwardedFor: string | null | undefined; proxies: readonly AddressRange[] }): string | null {
  const peer = normalizeAddress(input.peer);
  if (!peer || !isTrustedProxy(peer, input.proxies)) return peer;
  const chain = (input.forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  let client = peer;
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(chain[i]);
    if (!hop) return null;
    client = hop;
    if (!isTrustedProxy(hop, input.proxies)) return hop;
  }
  return client;
}
