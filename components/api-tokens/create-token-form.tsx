"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createApiTokenAction } from "@/lib/actions/api-tokens/create-api-token";
import { FieldErrors } from "@/components/ui/field-errors";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useActionForm } from "@/components/ui/use-action-form";

const field = "mt-1 block rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";

interface ParkOption {
  id: number;
  name: string;
  regionName: string;
}

/** The whole token, shown once after creation, with a copy button. */
function SecretBox({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const t = useTranslations("admin.tokens.secret");
  const [copied, setCopied] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  async function copy() {
    inputRef.current?.select();
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      // Clipboard refused (e.g. plain http): the text is selected, Ctrl+C works.
      document.execCommand?.("copy");
      setCopied(true);
    }
  }
  return (
    <div role="status" data-testid="token-secret" className="rounded-lg border border-emerald-300 bg-emerald-50 p-4">
      <p className="text-sm font-semibold text-emerald-900">{t("created", { name })}</p>
      <p className="mt-1 text-sm text-emerald-800">{t("copyNow")}</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <input
          ref={inputRef}
          readOnly
          value={token}
          aria-label={t("aria")}
          onFocus={(e) => e.currentTarget.select()}
          className="w-full max-w-2xl rounded border border-emerald-300 bg-white px-2 py-1.5 font-mono text-xs text-slate-900"
        />
        <Button type="button" onClick={copy} tone="success">
          {copied ? t("copied") : t("copy")}
        </Button>
        <Button type="button" onClick={onDone} variant="secondary">
          {t("done")}
        </Button>
      </div>
      <p className="mt-2 text-xs text-slate-600">
        {t("usage")} <code className="font-mono">Authorization: Bearer &lt;{t("token")}&gt;</code>
        {t("seeDocs")}
        <a href="/api-docs" className="ml-1 text-brand-700 hover:underline">
          {t("docs")}
        </a>
        {t("end")}
      </p>
    </div>
  );
}

export function CreateTokenForm({ parks, today }: { parks: ParkOption[]; today: string }) {
  const t = useTranslations("admin.tokens");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, notice, pending, submit } = useActionForm();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());

  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = selected.size === parks.length && parks.length > 0;

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const input = { name: String(f.get("name") ?? ""), scope: f.get("scope") || undefined, parkIds: [...selected], expiresOn: String(f.get("expiresOn") ?? "") };
    submit(
      () => createApiTokenAction(input),
      (data) => {
        setCreated({ name: data.name, token: data.token });
        formRef.current?.reset();
        setSelected(new Set());
        router.refresh();
      },
    );
  }

  if (created) return <SecretBox name={created.name} token={created.token} onDone={() => setCreated(null)} />;

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={t("form.aria")} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-start gap-4">
        <Field label={t("form.name")} name="name" errors={errors}>
          <input id="token-name" name="name" maxLength={50} placeholder={t("form.namePlaceholder")} className={`${field} w-64`} />
        </Field>
        <fieldset className="text-sm text-slate-700" aria-describedby={errors.scope ? "token-scope-error" : undefined}>
          <legend>{t("form.scope")}</legend>
          <div className="mt-2 flex gap-4">
            {(["READ", "READ_WRITE"] as const).map((scope) => (
              <label key={scope} className="inline-flex items-center gap-1.5">
                <input type="radio" name="scope" value={scope} defaultChecked={scope === "READ"} />
                {t(`scope.${scope}`)}
              </label>
            ))}
          </div>
          <span className="mt-1 block text-xs text-slate-500">{t("form.scopeHint")}</span>
          <span id="token-scope-error">
            <FieldErrors name="scope" errors={errors} />
          </span>
        </fieldset>
        <Field label={t("form.expires")} name="expiresOn" errors={errors}>
          <input id="token-expires" name="expiresOn" type="date" min={today} className={field} />
        </Field>
      </div>
      <fieldset className="text-sm text-slate-700" aria-invalid={errors.parkIds ? true : undefined} aria-describedby={errors.parkIds ? "token-parks-error" : undefined}>
        <legend className="flex items-center gap-3">
          {t("form.parks")}
          <label className="inline-flex items-center gap-1.5 text-xs text-slate-600">
            <input type="checkbox" checked={allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(parks.map((p) => p.id)))} />
            {t("form.selectAll")}
          </label>
        </legend>
        <div className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
          {parks.map((p) => (
            <label key={p.id} className="inline-flex items-center gap-1.5">
              <input type="checkbox" name="parkIds" value={p.id} checked={selected.has(p.id)} onChange={() => toggle(p.id)} />
              {p.name}
              <span className="text-xs text-slate-400">{p.regionName}</span>
            </label>
          ))}
        </div>
        <span id="token-parks-error">
          <FieldErrors name="parkIds" errors={errors} />
        </span>
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" pending={pending}>
          {pending ? t("form.creating") : t("form.create")}
        </Button>
        {notice && (
          <Alert as="p" tone={notice.kind}>
            {notice.text}
          </Alert>
        )}
      </div>
    </form>
  );
}
