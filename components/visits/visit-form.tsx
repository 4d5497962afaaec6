"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ISSUE_CATEGORIES, VISIT_KINDS } from "@/lib/domain/issues";
import { todayInShanghai } from "@/lib/domain/dates";
import { createVisitAction } from "@/lib/actions/visits/create-visit";
import type { EnterpriseChoice } from "@/components/ui/enterprise-combobox";
import { EnterpriseProjectFields } from "@/components/ui/enterprise-project-fields";
import { Button } from "@/components/ui/button";
import { FormFooter } from "@/components/ui/form-footer";
import { Field } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { EmptyState } from "@/components/ui/data-table";
import { flash } from "@/components/ui/flash";

const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1.5 text-sm";

/**
 * A visit (走访/电话/座谈) with the problems the enterprise raised on the spot, saved together.
 * The enterprise is searched (any of those the user may log visits for), not listed.
 */
export function VisitForm({ initial, hasTargets }: { initial: EnterpriseChoice | null; hasTargets: boolean }) {
  const t = useTranslations("visits.form");
  const tc = useTranslations("common.enum");
  const router = useRouter();
  const [target, setTarget] = useState<EnterpriseChoice | null>(initial);
  const [problems, setProblems] = useState<number[]>([]);
  const [nextKey, setNextKey] = useState(0);
  const { errors, notice, pending, submit } = useActionForm();
  const today = todayInShanghai();

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const s = (k: string) => {
      const v = f.get(k);
      return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
    };
    const input = {
      enterpriseId: target?.id,
      projectId: s("projectId") ? Number(s("projectId")) : undefined,
      visitDate: s("visitDate"),
      kind: s("kind"),
      peopleMet: s("peopleMet"),
      summary: s("summary"),
      problems: problems.map((k) => ({
        category: s(`p${k}.category`),
        title: s(`p${k}.title`),
        description: s(`p${k}.description`),
        raisedBy: s(`p${k}.raisedBy`),
        responsibleUnit: s(`p${k}.responsibleUnit`),
      })),
    };
    submit(
      () => createVisitAction(input),
      (data) => {
        const created = data.issues;
        flash(created.length > 0 ? t("savedWithIssues", { count: created.length }) : t("saved"));
        router.push(created.length === 1 ? `/issues/${created[0].id}` : created.length > 1 ? "/issues?mine=1&open=1" : "/liaison");
        router.refresh();
      },
      {
        // Problem errors come back as problems.N.field; the form names them pK.field.
        mapFieldErrors: (fieldErrors) => {
          const mapped: Record<string, string[]> = {};
          for (const [k, v] of Object.entries(fieldErrors)) {
            const m = /^problems\.(\d+)\.(.+)$/.exec(k);
            mapped[m ? `p${problems[Number(m[1])]}.${m[2]}` : k] = v;
          }
          return mapped;
        },
      },
    );
  }

  if (!hasTargets) return <EmptyState>{t("noTargets")}</EmptyState>;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" data-testid="visit-form">
      <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t("visit")}</legend>
        <EnterpriseProjectFields
          target={target}
          onChange={setTarget}
          initial={initial}
          errors={errors}
          errorId="visit-enterprise-error"
          labels={{ enterprise: t("enterprise"), project: t("project"), anyProject: t("anyProject") }}
          inputClassName={input}
        />
        <Field label={t("date")} name="visitDate" errors={errors} required>
          <input type="date" name="visitDate" max={today} defaultValue={today} className={input} />
        </Field>
        <Field label={t("kind")} name="kind" errors={errors} required>
          <select name="kind" defaultValue="ON_SITE" className={input}>
            {VISIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {tc(`visitKind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("peopleMet")} name="peopleMet" errors={errors} className="sm:col-span-2">
          <input name="peopleMet" className={input} placeholder={t("peopleMetPlaceholder")} />
        </Field>
        <Field label={t("summary")} name="summary" errors={errors} required className="sm:col-span-2 lg:col-span-3">
          <textarea name="summary" rows={3} className={input} placeholder={t("summaryPlaceholder")} />
        </Field>
      </fieldset>

      {problems.map((k, index) => (
        <fieldset key={k} className="grid gap-4 rounded-lg border border-amber-200 bg-amber-50/40 p-4 sm:grid-cols-2" aria-label={t("problemAria", { n: index + 1 })}>
          <legend className="px-1 text-sm font-semibold text-slate-700">{t("problemLegend", { n: index + 1 })}</legend>
          <Field label={t("category")} name={`p${k}.category`} errors={errors} required>
            <select name={`p${k}.category`} defaultValue="" className={input}>
              <option value="">{t("choose")}</option>
              {ISSUE_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {tc(`issueCategory.${c}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t("problemTitle")} name={`p${k}.title`} errors={errors} required>
            <input name={`p${k}.title`} className={input} />
          </Field>
          <Field label={t("description")} name={`p${k}.description`} errors={errors} required className="sm:col-span-2">
            <textarea name={`p${k}.description`} rows={2} className={input} />
          </Field>
          <Field label={t("raisedBy")} name={`p${k}.raisedBy`} errors={errors}>
            <input name={`p${k}.raisedBy`} className={input} />
          </Field>
          <Field label={t("responsibleUnit")} name={`p${k}.responsibleUnit`} errors={errors}>
            <input name={`p${k}.responsibleUnit`} className={input} placeholder={t("responsibleUnitPlaceholder")} />
          </Field>
          <Button type="button" onClick={() => setProblems((ps) => ps.filter((x) => x !== k))} variant="link" tone="danger" className="justify-self-start">
            {t("remove")}
          </Button>
        </fieldset>
      ))}
      <Button
        type="button"
        onClick={() => {
          setProblems((ps) => [...ps, nextKey]);
          setNextKey((n) => n + 1);
        }}
        variant="secondary"
        tone="warning"
        className="border-dashed"
      >
        {t("add")}
      </Button>

      <FormFooter notice={notice} pending={pending} submitLabel={t("submit")} />
    </form>
  );
}
