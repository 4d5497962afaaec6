import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { formatApiToken } from "@/lib/domain/api-tokens";

const PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/**
 * SHA-256 of the whole token, hex. A fast hash is right here: the secret is 256 random
 * bits, so there is nothing to brute-force, and every API request needs one lookup.
 */
export function hashApiToken(raw: string): string {
  return createHash("sha256").update(raw, "utf8").digest("hex");
}

/** A new token: 8-character prefix (shown in lists) and a 32-byte secret (shown once). */
export function generateApiToken(): { raw: string; prefix: string; hash: string } {
  const bytes = randomBytes(8);
  let prefix = "";
  for (const b of bytes) prefix += PREFIX_ALPHABET[b % PREFIX_ALPHABET.length];
  const raw = formatApiToken(prefix, randomBytes(32).toString("base64url"));
  return { raw, prefix, hash: hashApiToken(raw) };
}
