"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { projectCreateSchema, projectFormSchema } from "@/lib/validation/project";
import { fieldErrors as zodFieldErrors } from "@/lib/validation/field-errors";
import { parseWan, formatYi } from "@/lib/domain/money";
import { todayInShanghai } from "@/lib/domain/dates";
import { KEY_LEVEL_LABELS, SOURCE_LABELS } from "@/lib/domain/labels";
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
    setMoney((m) => ({ ...m, [name]: parsed ? `≈ ${formatYi(parsed)}` : "" }));
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
    if (!parsed.success) return fail("请检查标红的字段", zodFieldErrors(parsed.error));
    clear();
    const show = (id: number) => {
      router.push(`/projects/${id}`);
      router.refresh();
    };
    if (mode === "create") submit(() => createProjectAction(values), (data) => show(data.id));
    else submit(() => updateProjectAction(projectId!, values), () => show(projectId!));
  }

  const moneyField = (name: string, label: string, required = false) => (
    <Field label={`${label}（万元）`} name={name} errors={errors} required={required} hint={money[name] ?? (v(name) ? `≈ ${formatYi(v(name)!)}` : "")}>
      <input {...field(name)} inputMode="decimal" defaultValue={v(name)} onChange={(e) => showYi(name, e.target.value)} className={input} placeholder="如 12000 或 12,000.50" />
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
        <option value="">{people ? "暂不指定（可在项目页指定）" : "无权在此园区指定包保"}</option>
        {people?.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
            {p.unit ? `（${p.unit}）` : ""} · 在包 {p.activeCount} 个
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
      <Section title="基本信息">
        <Field id="parkId" label="所属园区" name="parkId" errors={errors} required>
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
        {text("name", "项目名称", true, { maxLength: 100 })}
        <Field label="产业链/行业" name="industry" errors={errors} required>
          <input {...field("industry")} list="industry-options" defaultValue={v("industry")} className={input} />
        </Field>
        <datalist id="industry-options">
          {industries.map((i) => (
            <option key={i} value={i} />
          ))}
        </datalist>
        <Field label="项目来源（招商方式）" name="source" errors={errors}>
          <select {...field("source")} defaultValue={v("source") ?? "OTHER"} className={input}>
            {Object.entries(SOURCE_LABELS).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </select>
        </Field>
        <Field label="项目级别" name="keyLevel" errors={errors}>
          <select {...field("keyLevel")} defaultValue={v("keyLevel") ?? "NONE"} className={input}>
            {Object.entries(KEY_LEVEL_LABELS).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </select>
        </Field>
        {text("specialLists", "专项清单（多个用顿号分隔）", false, { defaultValue: Array.isArray(initial.specialLists) ? initial.specialLists.join("、") : undefined, placeholder: "如 省“五个100”" })}
        <Field label="建设内容及规模" name="content" errors={errors} className="sm:col-span-2 lg:col-span-3">
          <textarea {...field("content")} rows={3} defaultValue={v("content")} className={input} />
        </Field>
      </Section>

      <Section title="投资主体及联系人">
        <div>
          <EnterpriseCombobox
            label="企业名称"
            textName="enterpriseName"
            purpose="project"
            parkId={parkId}
            initialText={v("enterpriseName")}
            required
            invalid={Boolean(errors.enterpriseName)}
            errorId="enterpriseName-error"
            placeholder="输入名称，可从已建档企业中选择"
            onChange={(choice) => fillEnterprise(formRef.current, choice)}
          />
          <span id="enterpriseName-error">
            <FieldErrors name="enterpriseName" errors={errors} />
          </span>
        </div>
        {text("creditCode", "统一社会信用代码", false, { maxLength: 18 })}
        {text("legalPerson", "法定代表人")}
        {text("contactName", "联系人")}
        {text("contactPhone", "联系电话", false, { inputMode: "tel" })}
      </Section>

      <Section title="投资">
        {moneyField("totalInvestment", "总投资", true)}
        {moneyField("contractInvestment", "合同引资额", true)}
        {moneyField("registeredCapital", "注册资本")}
        {text("landArea", "用地（亩）", false, { inputMode: "decimal" })}
        {moneyField("plannedInvestmentThisYear", `${thisYear}年计划投资`)}
        <div className="flex flex-col justify-center gap-2 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="planStartThisYear" defaultChecked={initial.planStartThisYear === true} /> 列入{thisYear}年计划开工
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="planProductionThisYear" defaultChecked={initial.planProductionThisYear === true} /> 列入{thisYear}年计划投产
          </label>
        </div>
      </Section>

      <Section title="节点日期">
        {date("signedDate", "签约日期", true)}
        {date("registeredDate", "注册日期")}
        {date("landSuppliedDate", "供地日期")}
        {date("plannedStartDate", "计划开工日期", false, true)}
        {date("plannedProductionDate", "计划投产日期", false, true)}
      </Section>

      <Section title="责任与备注">
        {mode === "create" && assignees && (
          <>
            {personSelect("liaisonUserId", "包保责任人", assignees[parkId]?.liaisons)}
            {personSelect("leaderUserId", "包保领导", assignees[parkId]?.leaders)}
          </>
        )}
        {text("responsibleUnit", "责任单位")}
        <Field label="备注" name="remark" errors={errors} className="sm:col-span-2">
          <textarea {...field("remark")} rows={2} defaultValue={v("remark")} className={input} />
        </Field>
      </Section>

      {duplicates.length > 0 && (
        <Alert tone="warning" role="status" testId="duplicate-warning">
          <p className="font-medium">本园区已有相似项目，请确认不是同一项目重复录入（重新签约的项目应在原项目上更新）：</p>
          <ul className="mt-1 list-disc pl-5">
            {duplicates.map((d) => (
              <li key={d.id}>
                <a className="underline" href={`/projects/${d.id}`} target="_blank" rel="noreferrer">
                  {d.code} {d.name}
                </a>
                （{d.enterpriseName}）
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <FormFooter notice={notice} pending={pending} submitLabel={mode === "create" ? "保存项目" : "保存修改"} onCancel={() => router.back()} />
    </form>
  );
}
