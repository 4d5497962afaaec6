"use client";

import { useId, useState } from "react";
import { ROLE_LABELS, type Role } from "@/lib/domain/permissions";
import { INPUT_CLASS } from "@/components/ui/text-field";

export interface ScopeOptions {
  roles: Role[];
  parks: { id: number; name: string }[];
  regions: { id: number; name: string }[];
}

const PARK_ROLES: Role[] = ["PARK_LEADER", "PARK_STAFF", "LIAISON"];

/** Role plus the park or region it applies to; the scope picker follows the role. */
export function RoleScopeFields({ options, errors, prefix = "" }: { options: ScopeOptions; errors: Record<string, string[]>; prefix?: string }) {
  const [role, setRole] = useState<Role>(options.roles.includes("LIAISON") ? "LIAISON" : options.roles[0]);
  const err = (k: string) => errors[`${prefix}${k}`]?.join("；");
  // Labels point at their select (htmlFor) instead of wrapping it, so each is named by its label alone.
  const id = useId();
  return (
    <div className="flex flex-wrap items-start gap-3">
      <div className="text-sm text-slate-700">
        <label htmlFor={`${id}-role`}>角色</label>
        <select id={`${id}-role`} name="role" value={role} onChange={(e) => setRole(e.target.value as Role)} className={INPUT_CLASS} aria-invalid={!!err("role") || undefined}>
          {options.roles.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        {err("role") && <span className="mt-1 block text-xs text-red-600">{err("role")}</span>}
      </div>
      {PARK_ROLES.includes(role) && (
        <div className="text-sm text-slate-700">
          <label htmlFor={`${id}-park`}>园区</label>
          <select id={`${id}-park`} name="parkId" className={INPUT_CLASS} aria-invalid={!!err("parkId") || undefined}>
            {options.parks.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          {err("parkId") && <span className="mt-1 block text-xs text-red-600">{err("parkId")}</span>}
        </div>
      )}
      {role === "REGION_LEADER" && (
        <div className="text-sm text-slate-700">
          <label htmlFor={`${id}-region`}>市州</label>
          <select id={`${id}-region`} name="regionId" className={INPUT_CLASS} aria-invalid={!!err("regionId") || undefined}>
            {options.regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
          {err("regionId") && <span className="mt-1 block text-xs text-red-600">{err("regionId")}</span>}
        </div>
      )}
      {role === "ADMIN" && <p className="mt-6 text-xs text-slate-500">系统管理员对全部园区有效</p>}
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
