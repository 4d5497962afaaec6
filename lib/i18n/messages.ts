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
import zh_meetings from "@/messages/zh-CN/meetings.json";
import zh_points from "@/messages/zh-CN/points.json";
import zh_supervision from "@/messages/zh-CN/supervision.json";
import zh_firstContact from "@/messages/zh-CN/firstContact.json";
import zh_progress from "@/messages/zh-CN/progress.json";
import zh_plans from "@/messages/zh-CN/plans.json";
import zh_importLedger from "@/messages/zh-CN/importLedger.json";
import zh_warnings from "@/messages/zh-CN/warnings.json";
import zh_enterprises from "@/messages/zh-CN/enterprises.json";
import zh_parks from "@/messages/zh-CN/parks.json";
import zh_admin from "@/messages/zh-CN/admin.json";
import zh_audit from "@/messages/zh-CN/audit.json";
import zh_coverage from "@/messages/zh-CN/coverage.json";
import zh_apiDocs from "@/messages/zh-CN/apiDocs.json";
import zh_server from "@/messages/zh-CN/server.json";
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
import en_meetings from "@/messages/en/meetings.json";
import en_points from "@/messages/en/points.json";
import en_supervision from "@/messages/en/supervision.json";
import en_firstContact from "@/messages/en/firstContact.json";
import en_progress from "@/messages/en/progress.json";
import en_plans from "@/messages/en/plans.json";
import en_importLedger from "@/messages/en/importLedger.json";
import en_warnings from "@/messages/en/warnings.json";
import en_enterprises from "@/messages/en/enterprises.json";
import en_parks from "@/messages/en/parks.json";
import en_admin from "@/messages/en/admin.json";
import en_audit from "@/messages/en/audit.json";
import en_coverage from "@/messages/en/coverage.json";
import en_apiDocs from "@/messages/en/apiDocs.json";
import en_server from "@/messages/en/server.json";

const zh = { common: zh_common, ui: zh_ui, shell: zh_shell, auth: zh_auth, account: zh_account, notifications: zh_notifications, board: zh_board, projects: zh_projects, dashboard: zh_dashboard, bulletin: zh_bulletin, liaison: zh_liaison, visits: zh_visits, issues: zh_issues, meetings: zh_meetings, points: zh_points, supervision: zh_supervision, firstContact: zh_firstContact, progress: zh_progress, plans: zh_plans, importLedger: zh_importLedger, warnings: zh_warnings, enterprises: zh_enterprises, parks: zh_parks, admin: zh_admin, audit: zh_audit, coverage: zh_coverage, apiDocs: zh_apiDocs, server: zh_server };
const en = { common: en_common, ui: en_ui, shell: en_shell, auth: en_auth, account: en_account, notifications: en_notifications, board: en_board, projects: en_projects, dashboard: en_dashboard, bulletin: en_bulletin, liaison: en_liaison, visits: en_visits, issues: en_issues, meetings: en_meetings, points: en_points, supervision: en_supervision, firstContact: en_firstContact, progress: en_progress, plans: en_plans, importLedger: en_importLedger, warnings: en_warnings, enterprises: en_enterprises, parks: en_parks, admin: en_admin, audit: en_audit, coverage: en_coverage, apiDocs: en_apiDocs, server: en_server };

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
