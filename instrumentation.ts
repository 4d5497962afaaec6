// Next.js calls register() once when a server process starts (next start / next dev),
// before it handles any request.

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Each request's TCP peer, for the client's address (sign-in throttle, audit rows). A
  // wrong TRUSTED_PROXIES stops the start with one line instead of failing at a sign-in.
  const { capturePeerAddresses, trustedProxies } = await import("@/lib/server/http/client-address");
  try {
    trustedProxies();
  } catch (e) {
    console.error(`[start] 配置错误：${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
  capturePeerAddresses();
}
