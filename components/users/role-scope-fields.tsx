"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import type { Role } from "@/lib/domain/permissions";
import { INPUT_CLASS } from "@/components/ui/text-field";
import { Field } from "@/components/ui/field";

export interface ScopeOptions {
  roles: Role[];
  parks: { id: number; name: string }[];
  regions: { id: number; name: string }[];
}

const PARK_ROLES: Role[] = ["PARK_LEADER", "PARK_STAFF", "LIAISON"];

/** Role plus the park or region it applies to; the scope picker follows the role. */
export function RoleScopeFields({ options, errors, prefix = "" }: { options: ScopeOptions; errors: Record<string, string[]>; prefix?: string }) {
  const t = useTranslations("admin.roleScope");
  const tc = useTranslations("common.enum.role");
  const [role, setRole] = useState<Role>(options.roles.includes("LIAISON") ? "LIAISON" : options.roles[0]);
  // Labels point at their select (htmlFor) instead of wrapping it, so each is named by its label alone.
  const id = useId();
  return (
    <div className="flex flex-wrap items-start gap-3">
      <Field label={t("role")} name={`${prefix}role`} errors={errors}>
        <select id={`${id}-role`} name="role" value={role} onChange={(e) => setRole(e.target.value as Role)} className={INPUT_CLASS}>
          {options.roles.map((r) => (
            <option key={r} value={r}>
              {tc(r)}
            </option>
          ))}
        </select>
      </Field>
      {PARK_ROLES.includes(role) && (
        <Field label={t("park")} name={`${prefix}parkId`} errors={errors}>
          <select id={`${id}-park`} name="parkId" className={INPUT_CLASS}>
            {options.parks.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      {role === "REGION_LEADER" && (
        <Field label={t("region")} name={`${prefix}regionId`} errors={errors}>
          <select id={`${id}-region`} name="regionId" className={INPUT_CLASS}>
            {options.regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      {role === "ADMIN" && <p className="mt-6 text-xs text-slate-500">{t("adminAll")}</p>}
    </div>
  );
}

/** The membership the fields above describe, from the submitted form. */
export function membershipFromForm(f: FormData) {
  const role = String(f.get("role") ?? "");
  return {
    role,
    parkId: PARK_ROLES.includes(role as Role) ? f.get("parkId") || null : null,
    regionId: role === "REGION_LEADER" ? f.get("regionId") || null : null,
  };
}
