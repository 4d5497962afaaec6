"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { actionActor } from "@/lib/actions/session";
import { createUser } from "@/lib/server/users/create-user";
import { updateUser } from "@/lib/server/users/update-user";
import { addMembership, addMembershipByUsername, removeMembership } from "@/lib/server/users/memberships";
import { resetPassword } from "@/lib/server/users/passwords";

// The people pages' actions: each calls one lib/server function, which authorizes
// (administrator, or the park leader for their park's people) and audits.

export async function createUserAction(input: unknown) {
  return runAction(async () => {
    const created = await createUser(await actionActor(), input);
    revalidatePath("/admin/users");
    return created;
  });
}

export async function updateUserAction(userId: unknown, input: unknown) {
  return runAction(async () => {
    const result = await updateUser(await actionActor(), userId, input);
    revalidatePath("/admin/users");
    return result;
  });
}

export async function addMembershipAction(userId: unknown, input: unknown) {
  return runAction(async () => {
    const result = await addMembership(await actionActor(), userId, input);
    revalidatePath("/admin/users");
    return result;
  });
}

export async function addMembershipByUsernameAction(username: unknown, input: unknown) {
  return runAction(async () => {
    const result = await addMembershipByUsername(await actionActor(), username, input);
    revalidatePath("/admin/users");
    return result;
  });
}

export async function removeMembershipAction(userId: unknown, membershipId: unknown) {
  return runAction(async () => {
    const result = await removeMembership(await actionActor(), userId, membershipId);
    revalidatePath("/admin/users");
    return result;
  });
}

export async function resetPasswordAction(userId: unknown) {
  return runAction(async () => resetPassword(await actionActor(), userId));
}
