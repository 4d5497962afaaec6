import type { Permission, Role } from "@/lib/domain/permissions";

export interface NavItem {
  href: string;
  /** The link's words: messages shell.nav.<key>. */
  key: NavKey;
  permission: Permission;
  /** Shown only to people holding one of these roles somewhere. */
  roles?: Role[];
}

export type NavKey = keyof (typeof import("@/messages/zh-CN/shell.json"))["nav"];

// What the shell offers; each page checks the same permission again on the server.
export const NAV_ITEMS: NavItem[] = [
  { href: "/dashboard", key: "dashboard", permission: "dashboard.read" },
  { href: "/digest", key: "digest", permission: "park.read" },
  { href: "/bulletin", key: "bulletin", permission: "dashboard.read" },
  { href: "/parks", key: "parks", permission: "park.read" },
  { href: "/board", key: "board", permission: "project.read" },
  { href: "/projects", key: "projects", permission: "project.read" },
  { href: "/enterprises", key: "enterprises", permission: "project.read" },
  { href: "/progress", key: "progress", permission: "progress.file" },
  { href: "/plans", key: "plans", permission: "project.read" },
  { href: "/progress/corrections", key: "corrections", permission: "progress.approveCorrection" },
  { href: "/warnings", key: "warnings", permission: "project.read" },
  { href: "/supervision", key: "supervision", permission: "issue.read" },
  { href: "/meetings", key: "meetings", permission: "meeting.read" },
  { href: "/meetings/tasks", key: "meetingTasks", permission: "park.read", roles: ["LIAISON"] },
  { href: "/import", key: "import", permission: "project.write" },
  { href: "/liaison", key: "liaison", permission: "issue.write", roles: ["LIAISON"] },
  { href: "/points/events", key: "myPoints", permission: "park.read", roles: ["LIAISON"] },
  { href: "/points", key: "points", permission: "dashboard.read" },
  { href: "/issues", key: "issues", permission: "issue.read" },
  { href: "/first-contact", key: "firstContact", permission: "issue.write" },
  { href: "/visits", key: "visits", permission: "issue.read" },
  { href: "/coverage", key: "coverage", permission: "park.read" },
  { href: "/audit", key: "audit", permission: "audit.read" },
  { href: "/admin/users", key: "users", permission: "member.manage" },
  { href: "/admin/org", key: "org", permission: "user.manage" },
  { href: "/admin/holidays", key: "holidays", permission: "holiday.manage" },
  { href: "/admin/api-tokens", key: "apiTokens", permission: "apiToken.manage" },
];
