import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <p className="text-5xl font-semibold text-slate-400">404</p>
      <h1 className="mt-4 text-xl font-semibold">页面不存在或无权查看</h1>
      <p className="mt-2 text-sm text-slate-500">请检查链接是否正确，或联系系统管理员开通相应园区的权限。</p>
      <Link href="/parks" className={buttonClass({ className: "mt-6 inline-block" })}>
        返回园区概览
      </Link>
    </main>
  );
}
