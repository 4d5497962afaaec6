// Rules of the enterprise registry (一企一档) that need no database: what an edit changes,
// what a merge keeps and fills, and how typed text becomes a search pattern. lib/server
// runs them inside its transactions; the tests pin them down on their own.

/** The fields of an enterprise record people edit (name first, as on the form). */
export const ENTERPRISE_RECORD_FIELDS = ["name", "creditCode", "legalPerson", "contactName", "contactPhone", "address", "industry"] as const;
export type EnterpriseRecordField = (typeof ENTERPRISE_RECORD_FIELDS)[number];
export type EnterpriseRecord = { name: string } & Record<Exclude<EnterpriseRecordField, "name">, string | null>;

/** The fields a merge fills on the survivor when its own value is empty (the name stays the survivor's). */
export const MERGE_FILLED_FIELDS = ["creditCode", "legalPerson", "contactName", "contactPhone", "address", "industry"] as const;

/** The fields of `patch` whose value differs from `current`, with their old and new values. */
export function changedFields(
  current: EnterpriseRecord,
  patch: Partial<EnterpriseRecord>,
): { fields: EnterpriseRecordField[]; before: Partial<EnterpriseRecord>; after: Partial<EnterpriseRecord> } {
  const fields: EnterpriseRecordField[] = [];
  const before: Record<string, string | null> = {};
  const after: Record<string, string | null> = {};
  for (const key of ENTERPRISE_RECORD_FIELDS) {
    const next = patch[key];
    if (next === undefined || next === current[key]) continue;
    fields.push(key);
    before[key] = current[key];
    after[key] = next;
  }
  return { fields, before: before as Partial<EnterpriseRecord>, after: after as Partial<EnterpriseRecord> };
}

/**
 * Why two records cannot be one company, or null. Two different 统一社会信用代码 are two
 * legal entities: merging them would lose one for good, so the code must be corrected first.
 */
export function mergeProblem(survivor: Pick<EnterpriseRecord, "creditCode">, duplicate: Pick<EnterpriseRecord, "creditCode">): string | null {
  if (survivor.creditCode && duplicate.creditCode && survivor.creditCode !== duplicate.creditCode) {
    return `两家企业的统一社会信用代码不同（${survivor.creditCode} 与 ${duplicate.creditCode}），不是同一家企业，不能合并；如代码录入有误，请先修改企业档案`;
  }
  return null;
}

/** The survivor's empty fields that the duplicate can fill; the survivor's own values always win. */
export function mergeFill(survivor: EnterpriseRecord, duplicate: EnterpriseRecord): Partial<Omit<EnterpriseRecord, "name">> {
  const fill: Partial<Omit<EnterpriseRecord, "name">> = {};
  for (const key of MERGE_FILLED_FIELDS) if (survivor[key] === null && duplicate[key] !== null) fill[key] = duplicate[key];
  return fill;
}
