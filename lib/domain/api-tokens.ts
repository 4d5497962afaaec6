// API tokens: their format and what each scope may do. Pure; the server generates the
// random parts and stores only a SHA-256 hash of the whole token.

import type { Permission, Role } from "@/lib/domain/permissions";

export const API_TOKEN_SCOPES = ["READ", "READ_WRITE"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export const API_TOKEN_SCOPE_LABELS: Record<ApiTokenScope, string> = { READ: "只读", READ_WRITE: "读写" };

/**
 * What a token may do in its parks. Reading is the leaders' read set; writing adds the
 * park staff's ledger work (projects, monthly progress, problems). Corrections (backward
 * moves, suspend/terminate), assignments, deadlines and administration stay with people
 * signed in, so a leaked token cannot rewrite history or hand out access.
 */
export const API_TOKEN_GRANTS: Record<ApiTokenScope, readonly Permission[]> = {
  READ: ["park.read", "project.read", "issue.read", "dashboard.read"],
  READ_WRITE: ["park.read", "project.read", "issue.read", "dashboard.read", "project.write", "progress.file", "issue.write"],
};

/**
 * The role the token acts with in each of its parks. Its permissions are a superset of the
 * scope's grants (the grants cut them down); the role only decides the shape of reading:
 * neither role limits reading to assigned projects, as a liaison's would.
 */
export const API_TOKEN_ROLE: Record<ApiTokenScope, Role> = { READ: "REGION_LEADER", READ_WRITE: "PARK_STAFF" };

export const API_TOKEN_TAG = "ppt";
const PREFIX_RE = /^[a-z0-9]{8}$/;
const SECRET_RE = /^[A-Za-z0-9_-]{43}$/;

/** `ppt_<8-char prefix>_<43-char secret>`; the prefix identifies the token in lists. */
export function formatApiToken(prefix: string, secret: string): string {
  return `${API_TOKEN_TAG}_${prefix}_${secret}`;
}

/** The prefix of a well-formed token, or null (a malformed token is not looked up at all). */
export function parseApiToken(raw: string): { prefix: string } | null {
  const parts = raw.split("_");
  if (parts.length < 3 || parts[0] !== API_TOKEN_TAG) return null;
  const prefix = parts[1];
  const secret = parts.slice(2).join("_");
  return PREFIX_RE.test(prefix) && SECRET_RE.test(secret) ? { prefix } : null;
}

/** The token from an `Authorization: Bearer …` header; undefined when there is no bearer header. */
export function bearerToken(header: string | null): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1] : "";
}

/** Why a token cannot be used now, or null if it can. */
export function tokenUnusable(t: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): "revoked" | "expired" | null {
  if (t.revokedAt) return "revoked";
  if (t.expiresAt && t.expiresAt.getTime() <= now.getTime()) return "expired";
  return null;
}

/** lastUsedAt is written at most once a minute per token, not on every request. */
export const LAST_USED_RESOLUTION_MS = 60_000;
export function shouldTouchLastUsed(lastUsedAt: Date | null, now: Date): boolean {
  return !lastUsedAt || now.getTime() - lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS;
}

/**
 * The instant a token with expiry date `date` (YYYY-MM-DD) stops working: the end of that
 * day in Asia/Shanghai (UTC+8, no daylight saving).
 */
export function expiryInstant(date: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1) - 8 * 3600_000);
}
