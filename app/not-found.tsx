import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <p className="text-5xl font-semibold text-slate-300">404</p>
      <h1 className="mt-4 text-xl font-semibold">页面不存在或无权查看</h1>
      <p className="mt-2 text-sm text-slate-500">请检查链接是否正确，或联系系统管理员开通相应园区的权限。</p>
      <Link href="/parks" className="mt-6 inline-block rounded bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700">
        返回园区概览
      </Link>
    </main>
  );
}
