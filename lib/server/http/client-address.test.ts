import { type IncomingHttpHeaders, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { PEER_HEADER, capturePeerAddresses, peerAddress, requestClientAddress, trustedProxies } from "./client-address";

/** Sends one request to a throwaway server and returns the headers its handler saw. */
async function seenHeaders(headers: Record<string, string>): Promise<IncomingHttpHeaders> {
  let seen: IncomingHttpHeaders = {};
  const server = createServer((req, res) => {
    seen = req.headers;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  return seen;
}

afterEach(() => {
  delete process.env.TRUSTED_PROXIES;
});

describe("the request's peer and client address", () => {
  it("before capturing starts, a peer header a client wrote is not believed", async () => {
    const seen = await seenHeaders({ [PEER_HEADER]: "anything 6.6.6.6" });
    expect(peerAddress(seen)).toBeNull();
  });

  it("records the socket's address, replacing whatever the client sent as the peer", async () => {
    capturePeerAddresses();
    capturePeerAddresses(); // idempotent
    const seen = await seenHeaders({ [PEER_HEADER]: "forged 6.6.6.6", "x-forwarded-for": "7.7.7.7" });
    expect(peerAddress(seen)).toBe("127.0.0.1");
    expect(peerAddress(new Headers(seen as Record<string, string>))).toBe("127.0.0.1");
    // No trusted proxies: X-Forwarded-For is ignored.
    expect(requestClientAddress(seen)).toBe("127.0.0.1");
  });

  it("behind a trusted proxy, the client named in X-Forwarded-For", async () => {
    capturePeerAddresses();
    process.env.TRUSTED_PROXIES = "127.0.0.1";
    const seen = await seenHeaders({ "x-forwarded-for": "7.7.7.7, 203.0.113.9" });
    expect(requestClientAddress(seen)).toBe("203.0.113.9");
    process.env.TRUSTED_PROXIES = "10.0.0.0/8";
    expect(requestClientAddress(seen)).toBe("127.0.0.1");
  });

  it("a wrong TRUSTED_PROXIES is an error naming the entry", () => {
    process.env.TRUSTED_PROXIES = "10.0.0.1, proxy.internal";
    expect(() => trustedProxies()).toThrow(/TRUSTED_PROXIES 中的“proxy\.internal”不是 IP 地址或 CIDR 网段/);
  });

  it("no headers at all: unknown", () => {
    expect(requestClientAddress(undefined)).toBeNull();
  });
});
