import "server-only";
import { getDb } from "@/lib/db/client";
import { dateToIso, todayInShanghai } from "@/lib/domain/dates";
import { type Actor, can } from "@/lib/domain/permissions";
import { plannableYears, producingByYearEnd, startedByYearEnd } from "@/lib/domain/year-plans";
import { projectPlansQuerySchema } from "@/lib/validation/year-plans";
import { visibleProjectsWhere } from "@/lib/server/actor";
import { notFound, parseOrThrow } from "@/lib/server/errors";

export interface ProjectPlanYear {
  year: number;
  plannedInvestment: string;
  planStart: boolean;
  planProduction: boolean;
  note: string | null;
  /** Investment completed that year (its monthly reports), 万元. */
  completed: string;
  /** Started by the end of that year (current stage and start date). */
  started: boolean;
  /** Producing by the end of that year. */
  producing: boolean;
}

/**
 * A project's annual plans, newest year first (one year with `year`), each with what was
 * completed that year and whether the start and production it planned happened by the
 * year's end; the years the page offers to plan; whether the reader may edit. project.read.
 */
export async function listProjectPlans(actor: Actor, projectId: number, query: unknown = {}, today = todayInShanghai()) {
  const { year } = parseOrThrow(projectPlansQuerySchema, query);
  const db = getDb();
  const project = await db.project.findFirst({
    where: { AND: [{ id: projectId }, visibleProjectsWhere(actor)] },
    select: {
      id: true,
      parkId: true,
      stage: true,
      status: true,
      signedDate: true,
      actualStartDate: true,
      actualProductionDate: true,
      park: { select: { archivedAt: true } },
      yearPlans: { where: year === undefined ? {} : { year }, orderBy: { year: "desc" } },
    },
  });
  if (!project) throw notFound("项目");
  const completedByYear = await db.progressReport.groupBy({
    by: ["year"],
    where: { projectId, ...(year === undefined ? {} : { year }) },
    _sum: { investmentCompleted: true },
  });
  const completed = new Map(completedByYear.map((c) => [c.year, c._sum.investmentCompleted?.toFixed(2) ?? "0.00"]));
  const facts = {
    stage: project.stage,
    status: project.status,
    actualStartDate: project.actualStartDate ? dateToIso(project.actualStartDate) : null,
    actualProductionDate: project.actualProductionDate ? dateToIso(project.actualProductionDate) : null,
  };
  const plans: ProjectPlanYear[] = project.yearPlans.map((p) => ({
    year: p.year,
    plannedInvestment: p.plannedInvestment.toFixed(2),
    planStart: p.planStart,
    planProduction: p.planProduction,
    note: p.note,
    completed: completed.get(p.year) ?? "0.00",
    started: startedByYearEnd(facts, p.year),
    producing: producingByYearEnd(facts, p.year),
  }));
  const currentYear = Number(today.slice(0, 4));
  const signedYear = Number(dateToIso(project.signedDate).slice(0, 4));
  return {
    projectId: project.id,
    currentYear,
    signedYear,
    canEdit: can(actor, "project.write", project.parkId) && project.park.archivedAt === null,
    /** Years the page offers in its year picker, newest first. */
    years: plannableYears(signedYear, currentYear, plans.map((p) => p.year)),
    plans,
  };
}
