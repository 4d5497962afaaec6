// The 每月会商 forms (client components in ./meeting-forms-client). CompleteTaskForm is also on
// 我的包保, whose provider holds no meetings messages: it takes its words from the server here.
import { CompleteTaskFormClient } from "./meeting-forms-client";
import { useNamespaceT } from "./labels";

export { AddItemForm, AttendanceForm, DecisionForm, RemoveItemButton, type PersonOption } from "./meeting-forms-client";

/** 办结 a follow-up task with a note (owner or leader). */
export function CompleteTaskForm({ taskId, title }: { taskId: number; title: string }) {
  const t = useNamespaceT("meetings");
  return <CompleteTaskFormClient taskId={taskId} labels={{ aria: t("forms.completeAria", { title }), note: t("forms.doneNote"), submit: t("forms.complete"), done: t("forms.completed") }} />;
}
