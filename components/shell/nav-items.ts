import type { Permission, Role } from "@/lib/domain/permissions";

export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
  /** Shown only to people holding one of these roles somewhere. */
  roles?: Role[];
}

// What the shell offers; each page checks the same permission again on the server.
export const NAV_ITEMS: NavItem[] = [
  { href: "/dashboard", label: "领导驾驶舱", permission: "dashboard.read" },
  { href: "/digest", label: "今日待办", permission: "park.read" },
  { href: "/bulletin", label: "月度通报", permission: "dashboard.read" },
  { href: "/parks", label: "园区概览", permission: "park.read" },
  { href: "/board", label: "项目看板", permission: "project.read" },
  { href: "/projects", label: "项目台账", permission: "project.read" },
  { href: "/enterprises", label: "企业档案", permission: "project.read" },
  { href: "/progress", label: "月度填报", permission: "progress.file" },
  { href: "/plans", label: "年度计划", permission: "project.read" },
  { href: "/progress/corrections", label: "月报更正审批", permission: "progress.approveCorrection" },
  { href: "/warnings", label: "亮灯督办", permission: "project.read" },
  { href: "/supervision", label: "督办事项", permission: "issue.read" },
  { href: "/meetings", label: "每月会商", permission: "meeting.read" },
  { href: "/meetings/tasks", label: "会商跟踪事项", permission: "park.read", roles: ["LIAISON"] },
  { href: "/import", label: "台账导入", permission: "project.write" },
  { href: "/liaison", label: "我的包保", permission: "issue.write", roles: ["LIAISON"] },
  { href: "/points/events", label: "我的积分", permission: "park.read", roles: ["LIAISON"] },
  { href: "/points", label: "积分考核", permission: "dashboard.read" },
  { href: "/issues", label: "企业诉求", permission: "issue.read" },
  { href: "/first-contact", label: "首问受理", permission: "issue.write" },
  { href: "/visits", label: "走访记录", permission: "issue.read" },
  { href: "/coverage", label: "挂牌公示", permission: "park.read" },
  { href: "/audit", label: "操作日志", permission: "audit.read" },
  { href: "/admin/users", label: "人员与角色", permission: "member.manage" },
  { href: "/admin/org", label: "园区与市州", permission: "user.manage" },
  { href: "/admin/holidays", label: "节假日", permission: "holiday.manage" },
  { href: "/admin/api-tokens", label: "接口令牌", permission: "apiToken.manage" },
];
