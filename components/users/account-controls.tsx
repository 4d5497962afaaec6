"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { resetPasswordAction } from "@/lib/actions/users/reset-password";
import { updateUserAction } from "@/lib/actions/users/update-user";
import { Alert } from "@/components/ui/alert";
import { useActionForm } from "@/components/ui/use-action-form";
import { TemporaryPassword } from "./temporary-password";
import { Button } from "@/components/ui/button";

/** Reset the password (temporary one shown once) and disable / re-enable the account. */
export function AccountControls({ user }: { user: { id: number; username: string; isActive: boolean; isSelf: boolean } }) {
  const router = useRouter();
  const { notice, pending, submit } = useActionForm();
  const [temp, setTemp] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<"reset" | "disable" | null>(null);

  const reset = () =>
    submit(
      () => resetPasswordAction(user.id),
      (data) => {
        setConfirming(null);
        setTemp(data.temporaryPassword);
      },
    );
  const setActive = (isActive: boolean) =>
    submit(
      () => updateUserAction(user.id, { isActive }),
      () => {
        setConfirming(null);
        router.refresh();
        return isActive ? "账号已启用" : "账号已停用，其登录已失效";
      },
    );

  if (user.isSelf) return <p className="text-sm text-slate-500">这是您自己的账号：请在“我的账号”中修改密码。</p>;
  return (
    <div className="space-y-3">
      {temp && <TemporaryPassword username={user.username} password={temp} onDone={() => setTemp(null)} />}
      <div className="flex flex-wrap gap-2">
        {confirming === "reset" ? (
          <span className="flex items-center gap-2 text-sm">
            重置后原密码立即失效，本人所有登录退出。
            <Button type="button" onClick={reset} variant="danger" pending={pending}>
              确认重置
            </Button>
            <Button type="button" onClick={() => setConfirming(null)} variant="secondary">
              取消
            </Button>
          </span>
        ) : confirming === "disable" ? (
          <span className="flex items-center gap-2 text-sm">
            停用后本人立即无法使用系统，已分配的包保任务请另行移交。
            <Button type="button" onClick={() => setActive(false)} variant="danger" pending={pending}>
              确认停用
            </Button>
            <Button type="button" onClick={() => setConfirming(null)} variant="secondary">
              取消
            </Button>
          </span>
        ) : (
          <>
            <Button type="button" onClick={() => setConfirming("reset")} variant="secondary">
              重置密码
            </Button>
            {user.isActive ? (
              <Button type="button" onClick={() => setConfirming("disable")} variant="secondary" tone="danger">
                停用账号
              </Button>
            ) : (
              <Button type="button" onClick={() => setActive(true)} variant="secondary" tone="success" pending={pending}>
                重新启用
              </Button>
            )}
          </>
        )}
      </div>
      {notice && <Alert tone={notice.kind}>{notice.text}</Alert>}
    </div>
  );
}
