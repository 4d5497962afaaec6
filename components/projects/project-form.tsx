"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { PROJECT_SOURCES, projectCreateSchema, projectFormSchema } from "@/lib/validation/project";
import { KEY_LEVELS } from "@/lib/validation/project-filters";
import { fieldErrors as zodFieldErrors } from "@/lib/validation/field-errors";
import { parseWan, formatYi } from "@/lib/domain/money";
import { formatMoneyIn } from "@/lib/i18n/format";
import { todayInShanghai } from "@/lib/domain/dates";
import { createProjectAction } from "@/lib/actions/projects/create-project";
import { findDuplicatesAction } from "@/lib/actions/projects/find-duplicate-projects";
import { updateProjectAction } from "@/lib/actions/projects/update-project";
import { outcome } from "@/lib/actions/result";
import { FieldErrors } from "@/components/ui/field-errors";
import { type EnterpriseChoice, EnterpriseCombobox } from "@/components/ui/enterprise-combobox";
import { FormFooter } from "@/components/ui/form-footer";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";

export type ProjectFormValues = Record<string, string | boolean | string[] | number | undefined>;

interface Props {
  mode: "create" | "edit";
  projectId?: number;
  parks: { id: number; name: string }[];
  industries: string[];
  initial: ProjectFormValues;
  /** Create mode: who may take the project as 包保责任人/包保领导, per park the user may assign in. */
  assignees?: Record<number, { liaisons: Person[]; leaders: Person[] }>;
}

interface Person {
  id: number;
  name: string;
  unit: string | null;
  activeCount: number;
}

const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1.5 text-sm focus:border-brand-600 focus:outline-none aria-[invalid=true]:border-red-500";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-sm font-semibold text-slate-700">{title}</legend>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">{children}</div>
    </fieldset>
  );
}

/** Strings from the form as the schema expects them; empty optional fields are left out. */
function readForm(form: HTMLFormElement): ProjectFormValues {
  const data = new FormData(form);
  const values: ProjectFormValues = {};
  for (const [key, value] of data.entries()) {
    if (typeof value !== "string") continue;
    if (key === "specialLists") continue;
    values[key] = value.trim();
  }
  values.specialLists = String(data.get("specialLists") ?? "")
    .split(/[,，、\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const flag of ["planStartThisYear", "planProductionThisYear"]) values[flag] = data.get(flag) === "on";
  for (const [k, v] of Object.entries(values)) if (v === "") delete values[k];
  for (const k of ["parkId", "liaisonUserId", "leaderUserId"]) if (values[k] !== undefined) values[k] = Number(values[k]);
  if (values.version !== undefined) values.version = Number(values.version);
  return values;
}

export function ProjectForm({ mode, projectId, parks, industries, initial, assignees }: Props) {
  const t = useTranslations("projects.form");
  const tp = useTranslations("projects");
  const tc = useTranslations("common");
  const locale = useLocale();
  /** "≈ 1.2 亿元" / "≈ CNY 120.00 m" under a money field. */
  const approx = (wan: string) => `≈ ${locale === "zh-CN" ? formatYi(wan) : formatMoneyIn(locale, wan)}`;
  const router = useRouter();
  const { errors, notice, pending, submit, fail, clear } = useActionForm();
  const [duplicates, setDuplicates] = useState<{ id: number; code: string; name: string; enterpriseName: string }[]>([]);
  const [money, setMoney] = useState<Record<string, string>>({});
  const [parkId, setParkId] = useState<number>(Number(initial.parkId));
  const formRef = useRef<HTMLFormElement>(null);
  const today = todayInShanghai();
  const thisYear = Number(today.slice(0, 4));
  const v = (k: string) => (initial[k] === undefined || initial[k] === null ? undefined : String(initial[k]));
  const field = (name: string) => ({ name, id: name, "aria-invalid": errors[name] ? true : undefined });

  function showYi(name: string, value: string) {
    const parsed = parseWan(value);
    setMoney((m) => ({ ...m, [name]: parsed ? approx(parsed) : "" }));
  }

  async function checkDuplicates(form: HTMLFormElement) {
    const values = readForm(form);
    if (!values.name || !values.parkId) return;
    const result = outcome(await findDuplicatesAction({ parkId: values.parkId, name: values.name, enterpriseName: values.enterpriseName, excludeId: projectId }));
    if (result.ok) setDuplicates(result.data);
  }

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const values = readForm(e.currentTarget);
    const parsed = (mode === "create" ? projectCreateSchema : projectFormSchema).safeParse(values);
    if (!parsed.success) return fail(t("checkFields"), zodFieldErrors(parsed.error));
    clear();
    const show = (id: number) => {
      router.push(`/projects/${id}`);
      router.refresh();
    };
    if (mode === "create") submit(() => createProjectAction(values), (data) => show(data.id));
    else submit(() => updateProjectAction(projectId!, values), () => show(projectId!));
  }

  const moneyField = (name: string, label: string, required = false) => (
    <Field label={t("moneyLabel", { label })} name={name} errors={errors} required={required} hint={money[name] ?? (v(name) ? approx(v(name)!) : "")}>
      <input {...field(name)} inputMode="decimal" defaultValue={v(name)} onChange={(e) => showYi(name, e.target.value)} className={input} placeholder={t("moneyHint")} />
    </Field>
  );
  const text = (name: string, label: string, required = false, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <Field label={label} name={name} errors={errors} required={required}>
      <input {...field(name)} defaultValue={v(name)} className={input} {...props} />
    </Field>
  );
  // The choices follow the park picked above; a blank choice leaves it for the project page.
  const personSelect = (name: string, label: string, people: Person[] | undefined) => (
    <Field label={label} name={name} errors={errors}>
      <select {...field(name)} key={`${name}-${parkId}`} defaultValue="" className={input}>
        <option value="">{people ? t("personLater") : t("personNoRight")}</option>
        {people?.map((p) => (
          <option key={p.id} value={p.id}>
            {p.unit ? t("personWithUnit", { name: p.name, unit: p.unit, count: p.activeCount }) : t("person", { name: p.name, count: p.activeCount })}
          </option>
        ))}
      </select>
    </Field>
  );
  const date = (name: string, label: string, required = false, future = false) => text(name, label, required, { type: "date", max: future ? undefined : today });

  // Picking a registered enterprise brings its credit code (which must match it) and fills
  // contacts left blank; anything typed by hand stays.
  function fillEnterprise(form: HTMLFormElement | null, choice: EnterpriseChoice | null) {
    if (!form || !choice) return;
    const set = (key: string, value: string | null, always: boolean) => {
      const el = form.elements.namedItem(key);
      if (el instanceof HTMLInputElement && value && (always || el.value.trim() === "")) el.value = value;
    };
    set("creditCode", choice.creditCode, true);
    set("legalPerson", choice.legalPerson, false);
    set("contactName", choice.contactName, false);
    set("contactPhone", choice.contactPhone, false);
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} onBlur={(e) => {
        const target = e.target as unknown as { name?: string };
        if (target.name && ["name", "enterpriseName", "parkId"].includes(target.name)) void checkDuplicates(e.currentTarget);
      }} className="space-y-5" noValidate data-testid="project-form">
      {mode === "edit" && <input type="hidden" name="version" value={v("version")} />}
      <Section title={t("basics")}>
        <Field id="parkId" label={t("park")} name="parkId" errors={errors} required>
          {(control) => (
            <>
              <select {...field("parkId")} aria-describedby={control["aria-describedby"]} defaultValue={v("parkId")} className={input} disabled={mode === "edit"} onChange={(e) => setParkId(Number(e.target.value))}>
                {parks.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
              {mode === "edit" && <input type="hidden" name="parkId" value={v("parkId")} />}
            </>
          )}
        </Field>
        {text("name", t("name"), true, { maxLength: 100 })}
        <Field label={t("industry")} name="industry" errors={errors} required>
          <input {...field("industry")} list="industry-options" defaultValue={v("industry")} className={input} />
        </Field>
        <datalist id="industry-options">
          {industries.map((i) => (
            <option key={i} value={i} />
          ))}
        </datalist>
        <Field label={t("source")} name="source" errors={errors}>
          <select {...field("source")} defaultValue={v("source") ?? "OTHER"} className={input}>
            {PROJECT_SOURCES.map((k) => (
              <option key={k} value={k}>
                {tc(`enum.source.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("keyLevel")} name="keyLevel" errors={errors}>
          <select {...field("keyLevel")} defaultValue={v("keyLevel") ?? "NONE"} className={input}>
            {KEY_LEVELS.map((k) => (
              <option key={k} value={k}>
                {tc(`enum.keyLevel.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        {text("specialLists", t("specialLists"), false, { defaultValue: Array.isArray(initial.specialLists) ? initial.specialLists.join(tp("listSeparator")) : undefined, placeholder: t("specialListsHint") })}
        <Field label={t("content")} name="content" errors={errors} className="sm:col-span-2 lg:col-span-3">
          <textarea {...field("content")} rows={3} defaultValue={v("content")} className={input} />
        </Field>
      </Section>

      <Section title={t("investor")}>
        <div>
          <EnterpriseCombobox
            label={t("enterpriseName")}
            textName="enterpriseName"
            purpose="project"
            parkId={parkId}
            initialText={v("enterpriseName")}
            required
            invalid={Boolean(errors.enterpriseName)}
            errorId="enterpriseName-error"
            placeholder={t("enterpriseHint")}
            onChange={(choice) => fillEnterprise(formRef.current, choice)}
          />
          <span id="enterpriseName-error">
            <FieldErrors name="enterpriseName" errors={errors} />
          </span>
        </div>
        {text("creditCode", t("creditCode"), false, { maxLength: 18 })}
        {text("legalPerson", t("legalPerson"))}
        {text("contactName", t("contactName"))}
        {text("contactPhone", t("contactPhone"), false, { inputMode: "tel" })}
      </Section>

      <Section title={t("investment")}>
        {moneyField("totalInvestment", t("totalInvestment"), true)}
        {moneyField("contractInvestment", t("contractInvestment"), true)}
        {moneyField("registeredCapital", t("registeredCapital"))}
        {text("landArea", t("landArea"), false, { inputMode: "decimal" })}
        {moneyField("plannedInvestmentThisYear", t("plannedInvestment", { year: thisYear }))}
        <div className="flex flex-col justify-center gap-2 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="planStartThisYear" defaultChecked={initial.planStartThisYear === true} /> {t("planStart", { year: thisYear })}
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="planProductionThisYear" defaultChecked={initial.planProductionThisYear === true} /> {t("planProduction", { year: thisYear })}
          </label>
        </div>
      </Section>

      <Section title={t("dates")}>
        {date("signedDate", tc("enum.stageDate.SIGNED"), true)}
        {date("registeredDate", t("registeredDate"))}
        {date("landSuppliedDate", t("landSuppliedDate"))}
        {date("plannedStartDate", t("plannedStartDate"), false, true)}
        {date("plannedProductionDate", t("plannedProductionDate"), false, true)}
      </Section>

      <Section title={t("responsibility")}>
        {mode === "create" && assignees && (
          <>
            {personSelect("liaisonUserId", t("liaison"), assignees[parkId]?.liaisons)}
            {personSelect("leaderUserId", t("leader"), assignees[parkId]?.leaders)}
          </>
        )}
        {text("responsibleUnit", t("responsibleUnit"))}
        <Field label={t("remark")} name="remark" errors={errors} className="sm:col-span-2">
          <textarea {...field("remark")} rows={2} defaultValue={v("remark")} className={input} />
        </Field>
      </Section>

      {duplicates.length > 0 && (
        <Alert tone="warning" role="status" testId="duplicate-warning">
          <p className="font-medium">{t("duplicates")}</p>
          <ul className="mt-1 list-disc pl-5">
            {duplicates.map((d) => (
              <li key={d.id}>
                <a className="underline" href={`/projects/${d.id}`} target="_blank" rel="noreferrer">
                  {d.code} {d.name}
                </a>
                {t("duplicateEnterprise", { enterprise: d.enterpriseName })}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <FormFooter notice={notice} pending={pending} submitLabel={mode === "create" ? t("create") : t("save")} onCancel={() => router.back()} />
    </form>
  );
}
