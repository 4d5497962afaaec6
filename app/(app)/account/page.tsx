import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/domain/permissions";
import { getOwnAccount } from "@/lib/server/users/list-users";
import { formatDateTimeZh } from "@/lib/domain/project-fields";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { PasswordForm } from "@/components/account/password-form";
import { Section } from "@/components/ui/section";

export const metadata: Metadata = { title: "我的账号" };

export default async function AccountPage() {
  const actor = await requireActor({ allowPasswordChange: true });
  const me = await getOwnAccount(actor);
  const must = me.mustChangePassword;
  return (
    <>
      <PageHeader title="我的账号" subtitle={`${me.name}（${me.username}）`} />
      {must && (
        <Alert tone="warning" className="mb-5" testId="must-change-password">
          您正在使用管理员发放的临时密码。请先设置自己的新密码，之后才能使用系统的其他功能。
        </Alert>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Section title={must ? "设置新密码" : "修改密码"}>
          <PasswordForm mustChange={must} />
        </Section>
        <Section title="账号信息" className="text-sm">
          <dl className="grid grid-cols-[7rem_1fr] gap-y-2">
            <dt className="text-slate-500">姓名</dt>
            <dd>{me.name}</dd>
            <dt className="text-slate-500">单位 / 职务</dt>
            <dd>{[me.unit, me.title].filter(Boolean).join(" / ") || "—"}</dd>
            <dt className="text-slate-500">电话</dt>
            <dd className="tabular-nums">{me.phone ?? "—"}</dd>
            <dt className="text-slate-500">角色</dt>
            <dd>
              {me.memberships.map((m) => (
                <div key={m.id}>
                  {ROLE_LABELS[m.role]}
                  {m.park ? ` · ${m.park.name}` : m.region ? ` · ${m.region.name}` : " · 全部园区"}
                </div>
              ))}
            </dd>
            <dt className="text-slate-500">上次登录</dt>
            <dd>{me.lastLoginAt ? formatDateTimeZh(me.lastLoginAt) : "—"}</dd>
            <dt className="text-slate-500">密码修改于</dt>
            <dd>{me.passwordChangedAt ? formatDateTimeZh(me.passwordChangedAt) : "—"}</dd>
          </dl>
          <p className="mt-4 text-xs text-slate-500">姓名、单位和电话由系统管理员或园区领导维护。</p>
        </Section>
      </div>
    </>
  );
}
