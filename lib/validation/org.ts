// Regions (市/州) and parks (园区), created and edited by administrators.

import { z } from "zod";
import { idField, requiredText } from "./fields";

export const PARK_LEVELS = ["NATIONAL", "PROVINCIAL", "MUNICIPAL"] as const;
export const PARK_TYPES = ["HIGH_TECH", "ECONOMIC_DEV", "INDUSTRIAL_CLUSTER", "OTHER"] as const;

/** Codes go into URLs, exports and other systems: letters, digits, - and _. */
const code = (label: string) =>
  requiredText(label, 30).regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, `${label}只能包含字母、数字、- 和 _，且以字母或数字开头`);

const archived = z.boolean({ error: "归档须为 true 或 false" }).optional();

export const regionCreateSchema = z.object({ name: requiredText("市州名称", 50), code: code("市州代码") }, { error: "请求格式不正确" });

export const regionUpdateSchema = z
  .strictObject({ name: requiredText("市州名称", 50).optional(), code: code("市州代码").optional(), archived }, { error: (iss) => (iss.code === "unrecognized_keys" ? `不能修改的字段：${iss.keys.join("、")}` : "请求格式不正确") })
  .refine((v) => Object.keys(v).length > 0, { message: "没有要修改的字段" });

const parkShape = {
  name: requiredText("园区名称", 50),
  code: code("园区代码"),
  level: z.enum(PARK_LEVELS, { error: "请选择园区级别：国家级、省级或市级" }),
  type: z.enum(PARK_TYPES, { error: "请选择园区类型：高新区、经开区、工业集中区或其他" }),
  regionId: idField("所属市州"),
};

export const parkCreateSchema = z.object(parkShape, { error: "请求格式不正确" });

export const parkUpdateSchema = z
  .strictObject(
    {
      name: parkShape.name.optional(),
      code: parkShape.code.optional(),
      level: parkShape.level.optional(),
      type: parkShape.type.optional(),
      regionId: parkShape.regionId.optional(),
      archived,
    },
    { error: (iss) => (iss.code === "unrecognized_keys" ? `不能修改的字段：${iss.keys.join("、")}` : "请求格式不正确") },
  )
  .refine((v) => Object.keys(v).length > 0, { message: "没有要修改的字段" });

export type RegionCreateData = z.output<typeof regionCreateSchema>;
export type RegionUpdateData = z.output<typeof regionUpdateSchema>;
export type ParkCreateData = z.output<typeof parkCreateSchema>;
export type ParkUpdateData = z.output<typeof parkUpdateSchema>;
