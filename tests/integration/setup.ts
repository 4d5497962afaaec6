import { afterAll, inject } from "vitest";
import { disconnectFiguresDb, getDb } from "@/lib/db/client";

// lib/server reads the database from DATABASE_URL; point it at this run's fresh database.
process.env.DATABASE_URL = inject("databaseUrl");

afterAll(async () => {
  await getDb().$disconnect();
  await disconnectFiguresDb();
});
