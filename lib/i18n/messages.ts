// Every interface message, by language and namespace (docs/i18n.md). zh-CN is the source;
// en must hold the same keys with the same {arguments} (lib/i18n/messages.test.ts). One JSON
// file per namespace and language under messages/, so people translating different parts
// of the app do not edit the same file.

import type { Locale } from "./locales";

import zh_common from "@/messages/zh-CN/common.json";
import zh_ui from "@/messages/zh-CN/ui.json";
import zh_shell from "@/messages/zh-CN/shell.json";
import zh_auth from "@/messages/zh-CN/auth.json";
import zh_account from "@/messages/zh-CN/account.json";
import zh_notifications from "@/messages/zh-CN/notifications.json";
import zh_board from "@/messages/zh-CN/board.json";
import zh_projects from "@/messages/zh-CN/projects.json";
import zh_dashboard from "@/messages/zh-CN/dashboard.json";
import zh_bulletin from "@/messages/zh-CN/bulletin.json";
import zh_liaison from "@/messages/zh-CN/liaison.json";
import zh_visits from "@/messages/zh-CN/visits.json";
import zh_issues from "@/messages/zh-CN/issues.json";
import en_common from "@/messages/en/common.json";
import en_ui from "@/messages/en/ui.json";
import en_shell from "@/messages/en/shell.json";
import en_auth from "@/messages/en/auth.json";
import en_account from "@/messages/en/account.json";
import en_notifications from "@/messages/en/notifications.json";
import en_board from "@/messages/en/board.json";
import en_projects from "@/messages/en/projects.json";
import en_dashboard from "@/messages/en/dashboard.json";
import en_bulletin from "@/messages/en/bulletin.json";
import en_liaison from "@/messages/en/liaison.json";
import en_visits from "@/messages/en/visits.json";
import en_issues from "@/messages/en/issues.json";

const zh = { common: zh_common, ui: zh_ui, shell: zh_shell, auth: zh_auth, account: zh_account, notifications: zh_notifications, board: zh_board, projects: zh_projects, dashboard: zh_dashboard, bulletin: zh_bulletin, liaison: zh_liaison, visits: zh_visits, issues: zh_issues };
const en = { common: en_common, ui: en_ui, shell: en_shell, auth: en_auth, account: en_account, notifications: en_notifications, board: en_board, projects: en_projects, dashboard: en_dashboard, bulletin: en_bulletin, liaison: en_liaison, visits: en_visits, issues: en_issues };

/** The messages' shape: the Chinese source (next-intl's AppConfig types keys against it). */
export type Messages = typeof zh;
export type Namespace = keyof Messages;

export const MESSAGES: Record<Locale, Messages> = { "zh-CN": zh, en: en as Messages };

/** The namespaces every page's client components may use (the shell, the UI kit, common words). */
export const SHARED_CLIENT_NAMESPACES = ["common", "ui", "shell"] as const satisfies readonly Namespace[];

/** Only these namespaces of a language's messages (what a client subtree needs, to keep pages small). */
export function pickMessages(locale: Locale, namespaces: readonly Namespace[]): Partial<Messages> {
  const all = MESSAGES[locale];
  return Object.fromEntries(namespaces.map((n) => [n, all[n]])) as Partial<Messages>;
}
