// Chinese labels for enum values shown in the UI.

export const PARK_LEVEL_LABELS = { NATIONAL: "国家级", PROVINCIAL: "省级", MUNICIPAL: "市级" } as const;
export type ParkLevel = keyof typeof PARK_LEVEL_LABELS;
export const PARK_TYPE_LABELS = { HIGH_TECH: "高新区", ECONOMIC_DEV: "经开区", INDUSTRIAL_CLUSTER: "工业集中区", OTHER: "其他" } as const;
export type ParkType = keyof typeof PARK_TYPE_LABELS;
export const KEY_LEVEL_LABELS: Record<string, string> = { PROVINCIAL: "省重点", CITY: "市重点", COUNTY: "县重点", NONE: "一般" };
export const SOURCE_LABELS: Record<string, string> = {
  BUSINESS_REFERRAL: "以商招商",
  INDUSTRY_CHAIN: "链条招商",
  PROFESSIONAL: "专业招商",
  KINSHIP: "亲情招商",
  AGENCY: "委托招商",
  ONLINE: "网络招商",
  OTHER: "其他",
};
/** Holiday table rows: a 法定节假日 off, or a weekend day worked (调休). */
export const HOLIDAY_KIND_LABELS = { HOLIDAY: "法定节假日", WORKDAY: "调休上班" } as const;
export const STAGE_EVENT_LABELS: Record<string, string> = {
  SIGN: "签约",
  ADVANCE: "推进",
  ROLLBACK: "更正回退",
  SUSPEND: "暂缓",
  TERMINATE: "终止",
  RESUME: "恢复推进",
};
