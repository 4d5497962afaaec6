// Chinese names of a park's level and type.

export const PARK_LEVEL_LABELS = { NATIONAL: "国家级", PROVINCIAL: "省级", MUNICIPAL: "市级" } as const;
export const PARK_TYPE_LABELS = { HIGH_TECH: "高新区", ECONOMIC_DEV: "经开区", INDUSTRIAL_CLUSTER: "工业集中区", OTHER: "其他" } as const;
