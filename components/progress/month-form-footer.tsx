import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldErrors } from "@/components/ui/field-errors";
import type { FormNotice } from "@/components/ui/use-action-form";

/**
 * The end of a month's report form (filing, correction or late report, in the grid's row):
 * the submit button (its own words while pending) and 取消; the month's and the form's
 * own errors; the notice, across the grid's columns.
 */
export function MonthFormFooter({
  pending,
  submitLabel,
  pendingLabel,
  onCancel,
  errors,
  notice,
  buttonsClassName = "",
}: {
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  onCancel?: () => void;
  errors: Record<string, string[]>;
  notice: FormNotice;
  /** Where the buttons sit in the form's grid. */
  buttonsClassName?: string;
}) {
  const tu = useTranslations("ui");
  return (
    <>
      <div className={`flex flex-wrap items-end gap-2 ${buttonsClassName}`.trim()}>
        <Button type="submit" pending={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
        {onCancel && (
          <Button type="button" onClick={onCancel} variant="secondary">
            {tu("cancel")}
          </Button>
        )}
      </div>
      {(errors.month || errors._form) && (
        <div className="text-sm sm:col-span-2 lg:col-span-4">
          <FieldErrors name="month" errors={errors} />
          <FieldErrors name="_form" errors={errors} />
        </div>
      )}
      {notice && (
        <Alert as="p" tone={notice.kind} className="sm:col-span-2 lg:col-span-4">
          {notice.text}
        </Alert>
      )}
    </>
  );
}
