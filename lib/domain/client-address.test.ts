import { describe, expect, it } from "vitest";
import { type AddressRange, clientAddress, isTrustedProxy, normalizeAddress, parseTrustedProxies } from "./client-address";

function proxies(value: string): AddressRange[] {
  const parsed = parseTrustedProxies(value);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.proxies;
}

describe("normalizeAddress", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 203.0.113.7 ", "203.0.113.7"],
    ["203.0.113.7:51234", "203.0.113.7"],
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["::FFFF:7f00:1", "127.0.0.1"],
    ["2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
    ["::1", "::1"],
    ["::", "::"],
    ["fe80::1%eth0", "fe80::1"],
    ["1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeAddress(input)).toBe(expected);
  });

  it.each(["", "unknown", "256.1.1.1", "1.2.3", "1.2.3.4.5", "01234.1.1.1", "1::2::3", "1:2:3:4:5:6:7:8:9", "12345::", "g::1", "1.2.3.4/8", "_gateway", "[::1"])(
    "%j is not an address",
    (input) => {
      expect(normalizeAddress(input)).toBeNull();
    },
  );
});

describe("parseTrustedProxies", () => {
  it("reads addresses and CIDR blocks, IPv4 and IPv6, ignoring spaces and empty entries", () => {
    const list = proxies(" 10.0.0.1, 10.8.0.0/16,,::1 , fd00::/8 ");
    expect(list).toHaveLength(4);
    expect(isTrustedProxy("10.0.0.1", list)).toBe(true);
    expect(isTrustedProxy("10.0.0.2", list)).toBe(false);
    expect(isTrustedProxy("10.8.200.3", list)).toBe(true);
    expect(isTrustedProxy("10.9.0.1", list)).toBe(false);
    expect(isTrustedProxy("::1", list)).toBe(true);
    expect(isTrustedProxy("fdab::5", list)).toBe(true);
    expect(isTrustedProxy("fe00::5", list)).toBe(false);
    expect(isTrustedProxy("::ffff:10.8.0.9", list)).toBe(true);
  });

  it("unset or empty trusts nobody", () => {
    expect(parseTrustedProxies(undefined)).toEqual({ ok: true, proxies: [] });
    expect(parseTrustedProxies(" ")).toEqual({ ok: true, proxies: [] });
  });

  it("odd prefixes, /0 and IPv4-mapped blocks", () => {
    expect(isTrustedProxy("192.168.3.200", proxies("192.168.2.0/23"))).toBe(true);
    expect(isTrustedProxy("192.168.4.1", proxies("192.168.2.0/23"))).toBe(false);
    expect(isTrustedProxy("8.8.8.8", proxies("0.0.0.0/0"))).toBe(true);
    expect(isTrustedProxy("2001:db8::1", proxies("0.0.0.0/0"))).toBe(false);
    expect(isTrustedProxy("10.1.2.3", proxies("::ffff:10.0.0.0/104"))).toBe(true);
  });

  it.each(["10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/8/1", "nginx", "10.0.0.0/x", "*"])("refuses %j, naming the entry and the rule", (entry) => {
    const parsed = parseTrustedProxies(`127.0.0.1,${entry}`);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toContain(`“${entry}”不是 IP 地址或 CIDR 网段`);
  });
});

describe("clientAddress", () => {
  const none: AddressRange[] = [];

  it("without trusted proxies the header is ignored: the peer is the client", () => {
    expect(clientAddress({ peer: "203.0.113.7", forwardedFor: "1.2.3.4", proxies: none })).toBe("203.0.113.7");
    expect(clientAddress({ peer: "::ffff:203.0.113.7", forwardedFor: undefined, proxies: none })).toBe("203.0.113.7");
  });

  it("an unknown peer is an unknown client, never the header", () => {
    expect(clientAddress({ peer: null, forwardedFor: "1.2.3.4", proxies: none })).toBeNull();
    expect(clientAddress({ peer: "garbage", forwardedFor: "1.2.3.4", proxies: proxies("0.0.0.0/0") })).toBeNull();
  });

  it("a peer that is not a trusted proxy cannot speak for anyone else", () => {
    const list = proxies("10.0.0.1");
    expect(clientAddress({ peer: "198.51.100.9", forwardedFor: "1.2.3.4", proxies: list })).toBe("198.51.100.9");
  });

  it("behind a trusted proxy, the address the proxy appended is the client", () => {
    const list = proxies("10.0.0.1");
    expect(clientAddress({ peer: "10.0.0.1", forwardedFor: "203.0.113.7", proxies: list })).toBe("203.0.113.7");
    // Whatever the client wrote into the header itself sits to the left and is not read.
    expect(clientAddress({ peer: "10.0.0.1", forwardedFor: "1.1.1.1, 2.2.2.2, 203.0.113.7", proxies: list })).toBe("203.0.113.7");
  });

  it("through a chain of trusted proxies, the first untrusted address from the right", () => {
    const list = proxies("10.0.0.0/8, 192.0.2.10");
    expect(clientAddress({ peer: "10.0.0.1", forwardedFor: "6.6.6.6, 203.0.113.7, 192.0.2.10, 10.2.3.4", proxies: list })).toBe("203.0.113.7");
    expect(clientAddress({ peer: "::ffff:10.0.0.1", forwardedFor: "203.0.113.7:4711", proxies: list })).toBe("203.0.113.7");
  });

  it("every hop trusted: the leftmost; no header at all: the proxy itself", () => {
    const list = proxies("10.0.0.0/8");
    expect(clientAddress({ peer: "10.0.0.1", forwardedFor: "10.1.1.1, 10.2.2.2", proxies: list })).toBe("10.1.1.1");
    expect(clientAddress({ peer: "10.0.0.1", forwardedFor: null, proxies: list })).toBe("10.0.0.1");
    expect(clientAddress({ peer: "10.0.0.1", forwardedFor: " , ", proxies: list })).toBe("10.0.0.1");
  });

  it("a trusted proxy that passes on something that is not an address: unknown", () => {
    const list = proxies("10.0.0.1");
    expect(clientAddress({ peer: "10.0.0.1", forwardedFor: "203.0.113.7, unknown", proxies: list })).toBeNull();
    // To the left of the client, garbage is never read.
    expect(clientAddress({ peer: "10.0.0.1", forwardedFor: "unknown, 203.0.113.7", proxies: list })).toBe("203.0.113.7");
  });
});
