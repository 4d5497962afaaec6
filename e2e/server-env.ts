// The environment of a `next start` process under test: the one Playwright starts
// (playwright.config.ts) and any further process a spec starts on the same database
// (multi-process.spec.ts). Same secret, so a session made on one is valid on the other.

export const E2E_AUTH_SECRET = "e2e-secret-that-is-long-enough-for-next-auth-0123456789";

export function e2eServerEnv(baseURL: string, databaseUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: baseURL,
    NEXTAUTH_SECRET: E2E_AUTH_SECRET,
    NEXT_TELEMETRY_DISABLED: "1",
  };
}
