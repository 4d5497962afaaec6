import type { TestProject } from "vitest/node";
import { createMigratedTestDatabase } from "../helpers/test-db";
import { writeTestCalendar } from "../helpers/calendar";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const db = await createMigratedTestDatabase();
  // Deadlines are counted in working days only in years with a holiday calendar.
  await writeTestCalendar(db.url);
  project.provide("databaseUrl", db.url);
  return async () => {
    await db.drop();
  };
}
