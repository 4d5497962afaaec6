// The REST API's request limit per caller (an API token, or a signed-in person using the
// API with the session cookie): a sliding window of a minute (lib/domain/rate-limit.ts),
// counted in PostgreSQL by one statement per request (lib/server/rate-limit/take-api-rate.ts),
// so the total holds across every server process and under parallel requests.

export type { RateDecision } from "@/lib/domain/rate-limit";

export const API_RATE_LIMIT_PER_MINUTE = 120;
export const API_RATE_WINDOW_MS = 60_000;
