// Every fixed message the server can send a person has an English (docs/i18n.md, "Server
// messages"). The test reads lib/server, lib/validation and lib/domain (not their tests) and
// collects the Chinese string literals that are a refusal's text:
//   - the arguments of the error classes (`new AppError(code, "…", { field: ["…"] })` and the
//     subclasses of AppError, and what a subclass passes to `super`), of `notFound("…")` / `forbidden("…")` (as the message they make),
//     and of the small local helpers that build them (`refused(field, "…")`);
//   - zod's messages: a `message:` / `error:` option, `ctx.addIssue({ message })`, and the
//     message argument of a check (`.min(1, "…")`, `.refine(fn, "…")`, `.regex(re, "…")`);
//   - a `message`/`problem`/`refusal` variable or `problem:` property, a
//     `…_RULE`/`…_MESSAGE`/`…_HINT`-like constant, what a `…Problem`/`…Refusal`/`…Blocker`-like function returns, what is pushed onto
//     `problems`/`errors`/`why`/`reasons`, and a field's errors set by key (`errors[key] = ["…"]`).
// Template literals are checked with each `${…}` replaced by a sample value of its kind (a field
// name, a date, a number, a record's own name); the field names the label-taking helpers are
// called with (`requiredText("企业名称", 100)`) must each be a known term.

import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { englishOf, termIn } from "./server-messages";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DIRS = ["lib/server", "lib/validation", "lib/domain"];
const HAN = /\p{Script=Han}/u;

const ERROR_CLASSES = new Set(["AppError", "ProjectConflictError", "IssueConflictError", "PlanImportRejected", "ProgressImportRejectedError", "ImportRejectedError"]);
/** Local helpers that wrap `new AppError` (their Chinese arguments are the message). */
const ERROR_HELPERS = new Set(["refused", "refuse", "validationError", "fieldError", "reject"]);
/** zod checks whose last string argument is the message. */
const ZOD_CHECKS = new Set(["min", "max", "length", "int", "regex", "refine", "email", "url", "positive", "nonnegative", "negative", "gte", "lte", "gt", "lt", "multipleOf", "nonempty", "startsWith", "endsWith", "includes", "check"]);
const MESSAGE_VARS = /^(message|msg|problem|refusal|notOver|reason)$|^[A-Z_]*(RULE|MESSAGE|FAILED|DUPLICATE|NOTHING_TO_MOVE|HINT)$/;
const MESSAGE_FUNCTIONS = /(Problem|Refusal|refusal|problem|Message|message|Error|Blocker|blocker|Summary)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return files(p);
    return p.endsWith(".ts") && !p.endsWith(".test.ts") ? [p] : [];
  });
}

/** A sample value for one `${…}` of a template literal, by what the expression names. */
function sample(expr: string): string {
  if (/formatYearMonth|\bym\b|yearMonth/.test(expr)) return "2026年11月";
  if (/roleLabel|ROLE_LABEL/.test(expr)) return "包保责任人";
  if (/targetLabel/.test(expr)) return "企业";
  if (/stageLabel|STAGE_LABEL|stage/i.test(expr) && !/date/i.test(expr)) return "落地";
  if (/statusLabel|STATUS_LABEL/.test(expr)) return "暂缓";
  if (/label|what|Label/.test(expr)) return "企业名称";
  if (/^L\.|headerOf|COLUMN_OF/.test(expr)) return "负责人";
  if (/Cents|[aA]mount|money/.test(expr)) return "120.50";
  if (/^field$/.test(expr)) return "新密码";
  if (/Iso|[dD]ate|deadline|day\b|until|from|\bto\b/.test(expr)) return "2026-11-20";
  if (/\b(name|names|title|username|code|text|header|sheet|where|subject|who|join|first|templateName|unit|column|columnLetter|actorName|parkName|regionName|open\.code|slice)\b|name|Name/.test(expr)) return "Xyz";
  return "7";
}

interface Found {
  file: string;
  line: number;
  text: string;
  /** The template's source when `text` came from one (interpolations replaced). */
  template?: string;
}

/**
 * Templates whose parts the kind-based sample cannot stand for: each has the values it is
 * checked with, one list per variant (who changed a record and when, or nobody known).
 */
const SAMPLES: Record<string, string[][]> = {
  "`该项目已被 ${who} ${when}修改${what}，您的更改未保存。请刷新页面查看最新内容后重新操作`": [
    ["张三", "于 2026年11月20日 10:30 ", "（总投资、签约日期）"],
    ["其他用户", "", ""],
  ],
  "`该问题已被 ${who} ${when}更新，您的操作未保存。请刷新页面查看最新内容后重新操作`": [
    ["张三", "于 2026年11月20日 10:30 "],
    ["其他用户", ""],
  ],
  "`该督办事项已被 ${who}更新，您的操作未保存。请刷新页面查看最新内容后重新操作`": [["张三 于 2026年11月20日 10:30 "], ["其他用户"]],
  '`该${issueId ? "问题" : "项目"}已有未销号的督办函 ${open.code}，请在原督办函上跟进`': [
    ["问题", "DB-2026-001"],
    ["项目", "DB-2026-001"],
  ],
  '`「${ISSUE_ACTION_LABELS[action.action]}」（须由包保领导或园区领导操作）`': [["销号"], ["审批延期"], ["提级协调"]],
  "`已导入：${parts}${tail}`": [
    ["新填报 3 个月报，更正 1 个月报", "；5 行与已填报的月报一致，未改动"],
    ["新增 1 个项目", ""],
    ["更新 2 个项目", "；1 行与现有项目一致，未改动"],
  ],
  "`${project.code} ${project.name}的 ${year} 年计划已被他人修改（现为：${describePlan(before)}），您的修改未保存，请刷新后重新填写`": [
    ["P-2026-001", "年产 10 万吨新材料项目", "2026", "计划投资 500，计划开工，计划投产"],
    ["P-2026-001", "新材料项目", "2026", "未列入计划"],
  ],
  "`已被他人修改（现为：${describePlan(before)}）`": [["计划投资 500，计划开工"], ["未列入计划"]],
  "`当前阶段为「${STAGE_LABELS[stage]}」，${message}`": [["落地", "请填写落地日期"], ["开工", "请填写实际开工日期"]],
  "`表头（${where}）中「${first.column.header}」出现了两次（${columnLetter(d.first)} 列「${first.text}」和 ${columnLetter(d.again)} 列「${d.text}」），请删除其中一列`": [
    ["第 3 行", "项目名称", "B", "项目名称", "F", "项目名称"],
  ],
  "`表头（${where}）${problem}；请使用${spec.templateName}`": [
    ["第 3 行", "缺少「月份」、「形象进度」列", "月度填报模板（或从项目页、月度填报导出的文件）"],
    ["第 2–3 行", "缺少「所属园区」、「企业名称」列：找项目要用「项目编号」，或「所属园区 + 项目名称 + 企业名称」", "台账模板"],
  ],
  '`表头（${where}）缺少必填列：${missing.join("、")}；请使用${spec.templateName}`': [["第 3 行", "「项目名称」、「企业名称」", "台账模板"]],
  "`找不到${which}，或您无权填报该项目的月报`": [["编号为「P-2026-001」的项目"], ["「高新区」的「新材料项目」（某某科技有限公司）"]],
  "`${COLUMN_OF[key]}${read.error}`": [
    ["本年计划投资（万元）", "不能是日期"],
    ["项目编号", "请勿使用公式，请复制后“粘贴为数值”"],
    ["计划本年开工", "单元格为错误值 #REF!"],
    ["备注", "无法读取该单元格"],
  ],
  "`${label}不能早于 ${EARLIEST_DATE.slice(0, 4)} 年`": [["签约日期", "1990"]],
  "`${project.name}：${problem}`": [["新材料项目", "计划年份不能早于项目签约的 2024 年"], ["新材料项目", "计划年份不能晚于 2028 年"]],
  "`${project.name}${flags[0].message}`": [["新材料项目", "已于 2025-03-10 开工，不能再计划 2026 年开工"], ["新材料项目", "已于 2025-10-01 投产，不能再计划 2026 年投产"]],
  '`问题当前为「${ISSUE_STATUS_LABELS[state.status]}」：${STATUS_HINT[action]}`': [
    ["收集", "只有「收集」状态的问题可以交办"],
    ["交办", "只有「办理」中的问题可以反馈办理结果"],
    ["办理", "只有已反馈办理结果的问题可以销号"],
    ["反馈", "只有已销号的问题可以重新办理"],
    ["销号", "问题已销号，不能申请延期"],
  ],
  // A light's reasons (lib/domain/warnings): the rule's reason after the kind.
  "`开工：${s.reason}`": [["计划 2026-02-20 开工，已超过 3 个月仍未开工"], ["计划 2026-02-20 开工，已过期仍未开工"], ["本月计划开工（2026-11-20），尚未开工"]],
  "`投资进度：${g.reason}`": [["本年完成 26%，序时进度 91.7%，落后超过 30 个百分点"], ["本年完成 60%，序时进度 75%，落后 10–30 个百分点"]],
  "`月报：${f.reason}`": [["有 2 个月的月报逾期未报"], ["2026年11月月报待填报，截止 2026-12-07"]],
  "`${header}是已到达阶段的日期（系统中为 ${stored[key] ?? \"空\"}），不能通过导入修改；如确需更正，请园区领导在项目页更正回退后重新推进`": [
    ["开工日期", "2025-03-10"],
    ["落地日期", "空"],
  ],
  "`${columnLetter(c)} 列「${h.text}」的单位是${h.unit}，导入按万元计算；请换算为万元并把表头改为「${named}」后再导入`": [
    ["C", "总投资（亿元）", "亿元", "总投资（万元）"],
    ["D", "合同引资额（元）", "元", "合同引资额（万元）"],
  ],
  '`该更正申请已${CORRECTION_STATUS_LABELS[request.status].replace(/^已/, "")}，不能再次审批`': [["批准"], ["驳回"]],
};

/** The SAMPLES entries whose template the collector met (one it no longer meets is stale). */
const usedSamples = new Set<string>();

/** Templates in a message's place with no Chinese of their own and no SAMPLES entry. */
const unsampled = new Set<string>();

function textOf(node: ts.Node, sf: ts.SourceFile): { text: string; template?: string }[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return HAN.test(node.text) ? [{ text: node.text }] : [];
  if (ts.isTemplateExpression(node)) {
    const template = node.getText(sf);
    if (SAMPLES[template]) usedSamples.add(template);
    const variants = SAMPLES[template] ?? [node.templateSpans.map((span) => sample(span.expression.getText(sf)))];
    const texts = variants.map((values) => ({ text: node.head.text + node.templateSpans.map((span, i) => values[i] + span.literal.text).join(""), template }));
    // Made only of its parts (`${column}${problem}`): it cannot be checked without sample values.
    // (A field path such as `tasks.${i}.ownerId` is not a message.)
    const literal = node.head.text + node.templateSpans.map((span) => span.literal.text).join("");
    if (!SAMPLES[template] && !/[A-Za-z]/.test(literal) && !texts.some((t) => HAN.test(t.text))) unsampled.add(template);
    return texts.filter((t) => HAN.test(t.text));
  }
  return [];
}

/** The Chinese texts an expression can evaluate to (through `a ? "x" : "y"`, `a ?? "x"`, arrays and objects of field errors). */
function textsIn(node: ts.Node, sf: ts.SourceFile): { text: string; template?: string }[] {
  const t = textOf(node, sf);
  if (t.length > 0) return t;
  if (ts.isParenthesizedExpression(node)) return textsIn(node.expression, sf);
  if (ts.isConditionalExpression(node)) return [...textsIn(node.whenTrue, sf), ...textsIn(node.whenFalse, sf)];
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken)) return textsIn(node.right, sf);
  if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap((e) => textsIn(e, sf));
  if (ts.isObjectLiteralExpression(node)) return node.properties.flatMap((p) => (ts.isPropertyAssignment(p) ? textsIn(p.initializer, sf) : []));
  if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) return textsIn(node.body, sf);
  return [];
}

function calleeName(e: ts.Expression): string | null {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return null;
}

function enclosingFunctionName(node: ts.Node): string | null {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if (ts.isFunctionDeclaration(p) && p.name) return p.name.text;
    if ((ts.isArrowFunction(p) || ts.isFunctionExpression(p)) && ts.isVariableDeclaration(p.parent) && ts.isIdentifier(p.parent.name)) return p.parent.name.text;
    if (ts.isMethodDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  }
  return null;
}

/** Whether the class around `node` extends one of ERROR_CLASSES. */
function extendsErrorClass(node: ts.Node): boolean {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if (ts.isClassDeclaration(p) || ts.isClassExpression(p)) {
      return (p.heritageClauses ?? []).some((h) => h.token === ts.SyntaxKind.ExtendsKeyword && h.types.some((t) => ts.isIdentifier(t.expression) && ERROR_CLASSES.has(t.expression.text)));
    }
  }
  return false;
}

function collect() {
  const messages: Found[] = [];
  const labelHelpers = new Set<string>();
  const calls: { name: string; arg: string; file: string; line: number }[] = [];
  for (const file of DIRS.flatMap((d) => files(path.join(ROOT, d)))) {
    const rel = path.relative(ROOT, file);
    const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const add = (node: ts.Node) => {
      for (const t of textsIn(node, sf)) messages.push({ file: rel, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, ...t });
    };
    const visit = (node: ts.Node) => {
      // A function whose first parameter is a field's name: its callers' Chinese first arguments are terms.
      if ((ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && node.parameters[0] && ts.isIdentifier(node.parameters[0].name) && /^(label|what)$/.test(node.parameters[0].name.text)) {
        const name = ts.isFunctionDeclaration(node) ? node.name?.text : ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name) ? node.parent.name.text : undefined;
        if (name) labelHelpers.add(name);
      }
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && ERROR_CLASSES.has(node.expression.text)) node.arguments?.forEach(add);
      // A subclass's own message: `super("VALIDATION", `…`)` in a class extending one of them.
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword && extendsErrorClass(node)) node.arguments.forEach(add);
      if (ts.isCallExpression(node)) {
        const name = calleeName(node.expression);
        const first = node.arguments[0];
        if (name && ts.isIdentifier(node.expression) && first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) && HAN.test(first.text)) calls.push({ name, arg: first.text, file: rel, line: sf.getLineAndCharacterOfPosition(first.getStart(sf)).line + 1 });
        if (name === "notFound" || name === "forbidden") {
          for (const t of first ? textsIn(first, sf) : []) messages.push({ file: rel, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: name === "notFound" ? `${t.text}不存在或无权查看` : `您没有权限执行${t.text}` });
        } else if (name && ERROR_HELPERS.has(name) && ts.isIdentifier(node.expression)) {
          node.arguments.forEach(add);
        } else if (name && ZOD_CHECKS.has(name) && ts.isPropertyAccessExpression(node.expression) && node.arguments.length > 0) {
          const last = node.arguments[node.arguments.length - 1];
          if (node.arguments.length > 1 || name === "int" || name === "email" || name === "url" || name === "positive" || name === "nonnegative" || name === "nonempty") add(last);
        }
      }
      // A problem pushed onto a list the caller throws or shows (`problems.push("…")`), a field's errors set by key (`errors[key] = ["…"]`).
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "push" && ts.isIdentifier(node.expression.expression) && /^(problems|errors|why|reasons)$/.test(node.expression.expression.text)) node.arguments.forEach(add);
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isElementAccessExpression(node.left) && ts.isArrayLiteralExpression(node.right)) add(node.right);
      if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) && /^(message|error|problem)$/.test(node.name.text)) add(node.initializer);
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && MESSAGE_VARS.test(node.name.text) && node.initializer) add(node.initializer);
      if (ts.isReturnStatement(node) && node.expression) {
        const fn = enclosingFunctionName(node);
        if (fn && MESSAGE_FUNCTIONS.test(fn)) add(node.expression);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  const unique = new Map<string, Found>();
  for (const m of messages) if (!unique.has(m.text)) unique.set(m.text, m);
  const labels = new Map<string, string>();
  for (const c of calls) if (labelHelpers.has(c.name) && !labels.has(c.arg)) labels.set(c.arg, `${c.file}:${c.line}`);
  return { messages: [...unique.values()], labels };
}

const { messages, labels } = collect();

describe("every fixed message the server sends has an English", () => {
  it("finds the messages (the collector still sees the code)", () => {
    expect(messages.length).toBeGreaterThan(400);
    expect(messages.filter((m) => m.template).length).toBeGreaterThan(100);
    expect(labels.size).toBeGreaterThan(100);
  });

  it("translates every fixed message", () => {
    const untranslated = messages.filter((m) => !m.template && englishOf(m.text) === null).map((m) => `${m.file}:${m.line} ${m.text}`);
    expect(untranslated).toEqual([]);
  });

  it("translates every templated message with sample values in it", () => {
    const untranslated = messages.filter((m) => m.template && englishOf(m.text) === null).map((m) => `${m.file}:${m.line} ${m.text}    ← ${m.template}`);
    expect(untranslated).toEqual([]);
  });

  it("has sample values for every template made only of its parts", () => {
    expect([...unsampled].join("\n")).toBe("");
  });

  it("uses every SAMPLES entry (a template changed in the code needs its entry changed too)", () => {
    expect(Object.keys(SAMPLES).filter((k) => !usedSamples.has(k))).toEqual([]);
  });

  it("knows every field name the label-taking helpers are called with", () => {
    const unknown = [...labels].filter(([label]) => termIn(label, "en") === label).map(([label, at]) => `${at} ${label}`);
    expect(unknown).toEqual([]);
  });
});
