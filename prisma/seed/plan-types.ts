// What the generator plans for one park, before any id exists. Records refer to
// each other by natural keys (enterprise name, project code, username, visit key),
// which the writer turns into ids. Money is an integer count of 0.01 万元 ("cents"),
// dates are day numbers (see dates.ts).
import type {
  AssignmentRole,
  IssueCategory,
  IssueEventType,
  IssueStatus,
  KeyLevel,
  ProjectSource,
  ProjectStatus,
  Satisfaction,
  Stage,
  StageEventType,
  VisitKind,
} from "../../lib/db/generated/prisma/client";
import type { Day } from "./dates";

export type Cents = number;

export type PlanEnterprise = {
  name: string;
  creditCode: string;
  legalPerson: string;
  contactName: string;
  contactPhone: string;
  address: string;
  industry: string;
  createdDay: Day;
};

export type PlanProject = {
  code: string;
  enterpriseName: string;
  name: string;
  industry: string;
  source: ProjectSource;
  keyLevel: KeyLevel;
  specialLists: string[];
  content: string;
  totalInvestment: Cents;
  contractInvestment: Cents;
  registeredCapital: Cents;
  landArea: number | null; // hundredths of a 亩
  signedDate: Day;
  registeredDate: Day | null;
  landSuppliedDate: Day | null;
  landedDate: Day | null;
  plannedStartDate: Day | null;
  actualStartDate: Day | null;
  plannedProductionDate: Day | null;
  actualProductionDate: Day | null;
  capacity: string | null;
  stage: Stage;
  stageDate: Day;
  status: ProjectStatus;
  statusDate: Day | null;
  statusReason: string | null;
  imageProgress: string | null;
  problems: string | null;
  responsibleUnit: string;
  remark: string | null;
  createdBy: string;
  createdDay: Day;
  lastEventDay: Day;
};

export type PlanStageEvent = {
  projectCode: string;
  type: StageEventType;
  fromStage: Stage | null;
  toStage: Stage;
  fromStatus: ProjectStatus | null;
  toStatus: ProjectStatus;
  businessDate: Day;
  evidence: Record<string, string | number> | null;
  note: string | null;
  actor: string;
  /** Entered into the system on this day (at or after the business date). */
  enteredDay: Day;
  seq: number;
};

export type PlanYearPlan = {
  projectCode: string;
  year: number;
  plannedInvestment: Cents;
  planStart: boolean;
  planProduction: boolean;
  note: string | null;
};

export type PlanReport = {
  projectCode: string;
  year: number;
  month: number;
  investmentCompleted: Cents;
  fundsArrived: Cents;
  imageProgress: string;
  problems: string | null;
  filedBy: string;
  filedDay: Day;
};

export type PlanAssignment = {
  role: AssignmentRole;
  user: string;
  projectCode: string | null;
  enterpriseName: string | null;
  department: string | null;
  startDate: Day;
  endDate: Day | null;
  note: string | null;
  createdBy: string;
};

export type PlanVisit = {
  key: string; // enterpriseName|day|liaison: unique within the park
  enterpriseName: string;
  projectCode: string | null;
  liaison: string;
  visitDate: Day;
  kind: VisitKind;
  peopleMet: string;
  summary: string;
};

export type PlanIssueEvent = {
  type: IssueEventType;
  fromStatus: IssueStatus | null;
  toStatus: IssueStatus | null;
  fromLevel: number | null;
  toLevel: number | null;
  note: string | null;
  data: Record<string, string | number> | null;
  actor: string;
  day: Day;
};

export type PlanExtension = {
  requestedBy: string;
  requestedDeadline: Day;
  reason: string;
  status: "PENDING" | "APPROVED" | "REJECTED";
  decidedBy: string | null;
  decidedDay: Day | null;
  decisionNote: string | null;
  createdDay: Day;
};

export type PlanIssue = {
  code: string;
  enterpriseName: string;
  projectCode: string | null;
  visitKey: string | null;
  category: IssueCategory;
  title: string;
  description: string;
  raisedDate: Day;
  raisedBy: string;
  reporter: string;
  responsibleUnit: string;
  responsibleUser: string;
  status: IssueStatus;
  level: number;
  answerDeadline: Day;
  resolveDeadline: Day;
  answeredDate: Day | null;
  answer: string | null;
  closedDate: Day | null;
  satisfaction: Satisfaction | null;
  reopenCount: number;
  events: PlanIssueEvent[];
  extensions: PlanExtension[];
};

export type ParkPlan = {
  enterprises: PlanEnterprise[];
  projects: PlanProject[];
  stageEvents: PlanStageEvent[];
  yearPlans: PlanYearPlan[];
  reports: PlanReport[];
  assignments: PlanAssignment[];
  visits: PlanVisit[];
  issues: PlanIssue[];
};
