// Writes one park's plan in bulk. Runs inside one transaction per park, so a park
// either has all of its demo data or none of it.
import type { Prisma } from "../../lib/db/client";
import { type Day, instantOn, toDate } from "./dates";
import { visitKey } from "./liaison";
import type { Cents, ParkPlan } from "./plan-types";

type Tx = Prisma.TransactionClient;

export type ParkCounts = {
  enterprises: number;
  projects: number;
  stageEvents: number;
  yearPlans: number;
  reports: number;
  assignments: number;
  visits: number;
  issues: number;
  issueEvents: number;
  extensions: number;
};

function money(c: Cents): string {
  const sign = c < 0 ? "-" : "";
  const abs = Math.abs(c);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

const dateOrNull = (d: Day | null) => (d === null ? null : toDate(d));

export async function writeParkPlan(
  tx: Tx,
  parkId: number,
  userIds: Map<string, number>,
  plan: ParkPlan,
  now: Date,
): Promise<ParkCounts> {
  const uid = (username: string): number => {
    const id = userIds.get(username);
    if (id === undefined) throw new Error(`seed user ${username} is missing`);
    return id;
  };

  // ---- enterprises (reuse any already there under the same name)
  const names = plan.enterprises.map((e) => e.name);
  const existing = await tx.enterprise.findMany({ where: { parkId, name: { in: names } }, select: { id: true, name: true } });
  const enterpriseIds = new Map(existing.map((e) => [e.name, e.id]));
  const newEnterprises = plan.enterprises.filter((e) => !enterpriseIds.has(e.name));
  const createdEnterprises = await tx.enterprise.createManyAndReturn({
    data: newEnterprises.map((e) => ({
      parkId,
      name: e.name,
      creditCode: e.creditCode,
      legalPerson: e.legalPerson,
      contactName: e.contactName,
      contactPhone: e.contactPhone,
      address: e.address,
      industry: e.industry,
      createdAt: instantOn(e.createdDay, 9, 30, now),
      updatedAt: instantOn(e.createdDay, 9, 30, now),
    })),
    select: { id: true, name: true },
  });
  for (const e of createdEnterprises) enterpriseIds.set(e.name, e.id);
  const entId = (name: string) => enterpriseIds.get(name)!;

  // ---- projects
  const createdProjects = await tx.project.createManyAndReturn({
    data: plan.projects.map((p) => ({
      code: p.code,
      parkId,
      enterpriseId: entId(p.enterpriseName),
      name: p.name,
      industry: p.industry,
      source: p.source,
      keyLevel: p.keyLevel,
      specialLists: p.specialLists,
      content: p.content,
      totalInvestment: money(p.totalInvestment),
      contractInvestment: money(p.contractInvestment),
      registeredCapital: money(p.registeredCapital),
      landArea: p.landArea === null ? null : money(p.landArea),
      signedDate: toDate(p.signedDate),
      registeredDate: dateOrNull(p.registeredDate),
      landSuppliedDate: dateOrNull(p.landSuppliedDate),
      landedDate: dateOrNull(p.landedDate),
      plannedStartDate: dateOrNull(p.plannedStartDate),
      actualStartDate: dateOrNull(p.actualStartDate),
      plannedProductionDate: dateOrNull(p.plannedProductionDate),
      actualProductionDate: dateOrNull(p.actualProductionDate),
      capacity: p.capacity,
      stage: p.stage,
      stageDate: toDate(p.stageDate),
      status: p.status,
      statusDate: dateOrNull(p.statusDate),
      statusReason: p.statusReason,
      imageProgress: p.imageProgress,
      problems: p.problems,
      responsibleUnit: p.responsibleUnit,
      remark: p.remark,
      createdById: uid(p.createdBy),
      createdAt: instantOn(p.createdDay, 10, 0, now),
      updatedAt: instantOn(p.lastEventDay, 16, 0, now),
    })),
    select: { id: true, code: true },
  });
  const projectIds = new Map(createdProjects.map((p) => [p.code, p.id]));
  const pid = (code: string) => projectIds.get(code)!;

  // ---- stage history, annual plans, monthly filings, coverage
  const stageEvents = await tx.stageEvent.createMany({
    data: plan.stageEvents.map((e) => ({
      projectId: pid(e.projectCode),
      type: e.type,
      fromStage: e.fromStage,
      toStage: e.toStage,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      businessDate: toDate(e.businessDate),
      evidence: e.evidence ?? undefined,
      note: e.note,
      actorId: uid(e.actor),
      createdAt: instantOn(e.enteredDay, 10, 10 + e.seq * 7, now),
    })),
  });
  const yearPlans = await tx.projectYearPlan.createMany({
    data: plan.yearPlans.map((y) => ({
      projectId: pid(y.projectCode),
      year: y.year,
      plannedInvestment: money(y.plannedInvestment),
      planStart: y.planStart,
      planProduction: y.planProduction,
      note: y.note,
    })),
  });
  const reports = await tx.progressReport.createMany({
    data: plan.reports.map((r) => ({
      projectId: pid(r.projectCode),
      year: r.year,
      month: r.month,
      investmentCompleted: money(r.investmentCompleted),
      fundsArrived: money(r.fundsArrived),
      imageProgress: r.imageProgress,
      problems: r.problems,
      filedById: uid(r.filedBy),
      filedAt: instantOn(r.filedDay, 15, 20, now),
      updatedAt: instantOn(r.filedDay, 15, 20, now),
    })),
  });
  const assignments = await tx.assignment.createMany({
    data: plan.assignments.map((a) => ({
      parkId,
      role: a.role,
      userId: uid(a.user),
      projectId: a.projectCode === null ? null : pid(a.projectCode),
      enterpriseId: a.enterpriseName === null ? null : entId(a.enterpriseName),
      department: a.department,
      startDate: toDate(a.startDate),
      endDate: dateOrNull(a.endDate),
      note: a.note,
      createdById: uid(a.createdBy),
      createdAt: instantOn(a.startDate, 11, 0, now),
    })),
  });

  // ---- visits, then the problems that refer to them
  const createdVisits = await tx.visit.createManyAndReturn({
    data: plan.visits.map((v) => ({
      parkId,
      enterpriseId: entId(v.enterpriseName),
      projectId: v.projectCode === null ? null : pid(v.projectCode),
      liaisonId: uid(v.liaison),
      visitDate: toDate(v.visitDate),
      kind: v.kind,
      peopleMet: v.peopleMet,
      summary: v.summary,
      createdAt: instantOn(v.visitDate, 17, 0, now),
    })),
    select: { id: true, enterpriseId: true, visitDate: true, liaisonId: true },
  });
  const enterpriseNames = new Map([...enterpriseIds].map(([name, id]) => [id, name]));
  const usernames = new Map([...userIds].map(([name, id]) => [id, name]));
  const visitIds = new Map(
    createdVisits.map((v) => [
      visitKey(enterpriseNames.get(v.enterpriseId)!, Math.round(v.visitDate.getTime() / 86_400_000), usernames.get(v.liaisonId)!),
      v.id,
    ]),
  );

  const createdIssues = await tx.enterpriseIssue.createManyAndReturn({
    data: plan.issues.map((i) => {
      const last = i.events[i.events.length - 1];
      return {
        code: i.code,
        parkId,
        enterpriseId: entId(i.enterpriseName),
        projectId: i.projectCode === null ? null : pid(i.projectCode),
        visitId: i.visitKey === null ? null : visitIds.get(i.visitKey)!,
        category: i.category,
        title: i.title,
        description: i.description,
        raisedDate: toDate(i.raisedDate),
        raisedBy: i.raisedBy,
        reporterId: uid(i.reporter),
        responsibleUnit: i.responsibleUnit,
        responsibleUserId: uid(i.responsibleUser),
        status: i.status,
        level: i.level,
        answerDeadline: toDate(i.answerDeadline),
        resolveDeadline: toDate(i.resolveDeadline),
        answeredDate: dateOrNull(i.answeredDate),
        answer: i.answer,
        closedDate: dateOrNull(i.closedDate),
        satisfaction: i.satisfaction,
        reopenCount: i.reopenCount,
        version: i.events.length,
        createdAt: eventInstant(i.raisedDate, 0, now),
        updatedAt: eventInstant(last.day, i.events.length - 1, now),
      };
    }),
    select: { id: true, code: true },
  });
  const issueIds = new Map(createdIssues.map((i) => [i.code, i.id]));
  const issueEvents = await tx.issueEvent.createMany({
    data: plan.issues.flatMap((i) =>
      i.events.map((e, n) => ({
        issueId: issueIds.get(i.code)!,
        type: e.type,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        fromLevel: e.fromLevel,
        toLevel: e.toLevel,
        note: e.note,
        data: e.data ?? undefined,
        actorId: uid(e.actor),
        createdAt: eventInstant(e.day, n, now),
      })),
    ),
  });
  const extensions = await tx.issueExtension.createMany({
    data: plan.issues.flatMap((i) =>
      i.extensions.map((x) => ({
        issueId: issueIds.get(i.code)!,
        requestedById: uid(x.requestedBy),
        requestedDeadline: toDate(x.requestedDeadline),
        reason: x.reason,
        status: x.status,
        decidedById: x.decidedBy === null ? null : uid(x.decidedBy),
        decidedAt: x.decidedDay === null ? null : instantOn(x.decidedDay, 14, 0, now),
        decisionNote: x.decisionNote,
        createdAt: instantOn(x.createdDay, 13, 0, now),
      })),
    ),
  });

  return {
    enterprises: createdEnterprises.length,
    projects: createdProjects.length,
    stageEvents: stageEvents.count,
    yearPlans: yearPlans.count,
    reports: reports.count,
    assignments: assignments.count,
    visits: createdVisits.length,
    issues: createdIssues.length,
    issueEvents: issueEvents.count,
    extensions: extensions.count,
  };
}

/** The n-th event of a problem: later events of the same day get later times. */
function eventInstant(day: Day, n: number, now: Date): Date {
  return instantOn(day, 9, 5 + n * 13, now);
}
