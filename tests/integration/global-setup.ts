import type { TestProject } from "vitest/node";
import { createMigratedTestDatabase } from "../helpers/test-db";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const db = await createMigratedTestDatabase();
  project.provide("databaseUrl", db.url);
  return async () => {
    await db.drop();
  };
}
