import { useTranslations } from "next-intl";
import { Alert } from "./alert";
import { Button } from "./button";
import type { FormNotice } from "./use-action-form";

/**
 * The end of a page-sized form (enterprise, project, visit): its notice (data-testid
 * "form-error"), the submit button (保存中… while pending) and, with `onCancel`, 取消.
 */
export function FormFooter({ notice, pending, submitLabel, onCancel }: { notice: FormNotice; pending: boolean; submitLabel: string; onCancel?: () => void }) {
  const t = useTranslations("ui");
  return (
    <>
      {notice && (
        <Alert as="p" tone={notice.kind} testId="form-error">
          {notice.text}
        </Alert>
      )}
      <div className="flex gap-3">
        <Button type="submit" pending={pending}>
          {pending ? t("saving") : submitLabel}
        </Button>
        {onCancel && (
          <Button type="button" onClick={onCancel} variant="secondary">
            {t("cancel")}
          </Button>
        )}
      </div>
    </>
  );
}
