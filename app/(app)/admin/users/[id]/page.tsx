import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { getUser } from "@/lib/server/users/list-users";
import { listGrantOptions } from "@/lib/server/users/scope-options";
import { adminScope } from "@/lib/server/users/user-scope";
import { membershipGrantProblem } from "@/lib/domain/user-admin";
import { formatDateTimeZh } from "@/lib/domain/project-fields";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { UserProfileForm } from "@/components/users/user-profile-form";
import { AccountControls } from "@/components/users/account-controls";
import { MembershipEditor } from "@/components/users/membership-editor";
import { Card, Section } from "@/components/ui/section";

export const metadata: Metadata = { title: "用户" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const [user, options] = await Promise.all([orNotFound(getUser(actor, id)), orNotFound(listGrantOptions(actor))]);
  const scope = adminScope(actor);
  const memberships = user.memberships.map((m) => ({
    id: m.id,
    role: m.role,
    scopeName: m.park?.name ?? m.region?.name ?? "全部园区",
    removable: membershipGrantProblem(scope, m) === null,
  }));
  return (
    <>
      <PageHeader title={`${user.name}（${user.username}）`} subtitle={user.isActive ? "启用" : "已停用"}>
        <Link href="/admin/users" className="text-sm text-brand-700 hover:underline">
          返回人员列表
        </Link>
      </PageHeader>
      {!user.isActive && (
        <Alert tone="warning" className="mb-4">
          此账号已停用：本人无法登录，已有的登录已失效。
        </Alert>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Section title="基本信息">
          {user.manageable ? (
            <UserProfileForm user={user} />
          ) : (
            <p className="text-sm text-slate-600">此人还担任本园区以外或更高的角色，基本信息和密码由系统管理员维护。</p>
          )}
          <dl className="mt-4 grid grid-cols-[7rem_1fr] gap-y-1 text-sm text-slate-600">
            <dt>上次登录</dt>
            <dd>{user.lastLoginAt ? formatDateTimeZh(user.lastLoginAt) : "从未登录"}</dd>
            <dt>密码</dt>
            <dd>{user.mustChangePassword ? "临时密码，待本人修改" : user.passwordChangedAt ? `修改于 ${formatDateTimeZh(user.passwordChangedAt)}` : "—"}</dd>
            <dt>创建于</dt>
            <dd>{formatDateTimeZh(user.createdAt)}</dd>
          </dl>
        </Section>
        <Card className="space-y-6">
          <div>
            <h2 className="mb-3 text-base font-semibold">角色与范围</h2>
            <MembershipEditor userId={user.id} memberships={memberships} options={options} />
          </div>
          {user.manageable && (
            <div>
              <h2 className="mb-3 text-base font-semibold">密码与状态</h2>
              <AccountControls user={user} />
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
