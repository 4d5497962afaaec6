// Next.js calls register() once when a server process starts (next start / next dev),
// before it handles any request. The Node-only part is imported in the branch Next drops
// from the Edge build.

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Each request's TCP peer, for the client's address (sign-in throttle, audit rows).
    const { startClientAddressCapture } = await import("@/lib/server/http/client-address");
    startClientAddressCapture();
  }
}
