import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { authOptions } from "@/lib/auth/options";
import { loadActor } from "@/lib/server/actor";
import { endSessionsOnSignOut } from "@/lib/server/auth/sign-out";
import { makeUser } from "../helpers/factories";

const signOutEvent = (token: { uid?: number; sv?: number }) => authOptions.events!.signOut!({ token, session: {} as never });

describe("signing out", () => {
  it("ends the session and every copy of its cookie at the next request, audited", async () => {
    const user = await makeUser([{ role: "PARK_STAFF" }]);
    const cookie = { sessionVersion: 0 };
    expect(await loadActor(getDb(), user.id, cookie)).not.toBeNull();

    // next-auth calls this with the decoded session token when the person signs out.
    await signOutEvent({ uid: user.id, sv: 0 });

    expect(await loadActor(getDb(), user.id, cookie)).toBeNull();
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(1);
    const audit = await getDb().auditLog.findMany({ where: { action: "auth.signOut", entityId: String(user.id) } });
    expect(audit).toMatchObject([{ actorId: user.id, entityType: "User" }]);
    // Signing in again gives a session with the new version, which works.
    expect(await loadActor(getDb(), user.id, { sessionVersion: 1 })).not.toBeNull();
  });

  it("a stale copy signing out ends nothing more and writes no audit row", async () => {
    const user = await makeUser([{ role: "PARK_STAFF" }]);
    expect(await endSessionsOnSignOut(getDb(), { userId: user.id, sessionVersion: 0 }, "10.9.9.9")).toBe(true);
    expect(await endSessionsOnSignOut(getDb(), { userId: user.id, sessionVersion: 0 }, "10.9.9.9")).toBe(false);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(1);
    expect(await getDb().auditLog.count({ where: { action: "auth.signOut", entityId: String(user.id) } })).toBe(1);
    // The session issued after the first sign-out is untouched.
    expect(await loadActor(getDb(), user.id, { sessionVersion: 1 })).not.toBeNull();
  });

  it("a token without a user (never signed in) is ignored", async () => {
    await expect(signOutEvent({})).resolves.toBeUndefined();
  });
});
