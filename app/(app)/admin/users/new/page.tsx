import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { listGrantOptions } from "@/lib/server/users/scope-options";
import { PageHeader } from "@/components/ui/page-header";
import { CreateUserForm } from "@/components/users/create-user-form";

export const metadata: Metadata = { title: "新建用户" };

export default async function NewUserPage() {
  const actor = await requireActor();
  const options = await orNotFound(listGrantOptions(actor));
  return (
    <>
      <PageHeader title="新建用户" subtitle={actor.isAdmin ? "创建账号并分配角色" : "为本园区创建工作人员或包保责任人账号"}>
        <Link href="/admin/users" className="text-sm text-brand-700 hover:underline">
          返回人员列表
        </Link>
      </PageHeader>
      <CreateUserForm options={options} />
    </>
  );
}
