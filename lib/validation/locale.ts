import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

/** The interface language a person chooses (header switcher, account page, sign-in page). */
export const localeChoiceSchema = z.object(
  { locale: z.enum(LOCALES, { error: "界面语言须为 zh-CN（中文）或 en（English）" }) },
  { error: "请求格式不正确" },
);
