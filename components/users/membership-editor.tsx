"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { inSentence } from "@/lib/i18n/format";
import { addMembershipAction } from "@/lib/actions/users/add-membership";
import { removeMembershipAction } from "@/lib/actions/users/remove-membership";
import type { Role } from "@/lib/domain/permissions";
import { Alert } from "@/components/ui/alert";
import { useSaveForm } from "@/components/ui/use-save-form";
import { RoleScopeFields, type ScopeOptions, membershipFromForm } from "./role-scope-fields";
import { Button } from "@/components/ui/button";

export interface MembershipRow {
  id: number;
  role: Role;
  scopeName: string;
  /** The actor may take this role back. */
  removable: boolean;
}

/** A person's roles with 移除 for those the actor manages, and a form to add one. */
export function MembershipEditor({ userId, memberships, options }: { userId: number; memberships: MembershipRow[]; options: ScopeOptions }) {
  const router = useRouter();
  const t = useTranslations("admin.membership");
  const locale = useLocale();
  const tc = useTranslations("common.enum.role");
  const { formRef, errors, notice, pending, submit, onSubmit: add } = useSaveForm(
    (f) => addMembershipAction(userId, membershipFromForm(f)),
    () => t("added"),
  );

  const remove = (m: MembershipRow) =>
    submit(
      () => removeMembershipAction(userId, m.id),
      () => {
        router.refresh();
        return t("removed", { role: tc(m.role), scope: m.scopeName });
      },
    );

  return (
    <div className="space-y-4">
      <ul className="divide-y divide-slate-100 rounded border border-slate-200" data-testid="membership-list">
        {memberships.length === 0 && <li className="px-3 py-2 text-sm text-slate-500">{t("none")}</li>}
        {memberships.map((m) => (
          <li key={m.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
            <span>
              {tc(m.role)} <span className="text-slate-500">· {m.scopeName}</span>
            </span>
            {m.removable && (
              <Button type="button" onClick={() => remove(m)} aria-label={t("removeLabel", { role: inSentence(locale, tc(m.role)), scope: m.scopeName })} variant="ghost" size="sm" tone="danger" pending={pending}>
                {t("remove")}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {options.roles.length > 0 && (
        <form ref={formRef} onSubmit={add} noValidate aria-label={t("addAria")} className="flex flex-wrap items-end gap-3">
          <RoleScopeFields options={options} errors={errors} />
          <Button type="submit" pending={pending}>
            {t("add")}
          </Button>
        </form>
      )}
      {notice && <Alert tone={notice.kind}>{notice.text}</Alert>}
    </div>
  );
}
