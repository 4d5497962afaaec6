import "server-only";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { type Actor } from "@/lib/domain/permissions";
import { AppError } from "@/lib/server/errors";
import { type WriteYearPlanOptions, type YearPlanWriteResult, writeYearPlan } from "./write-year-plan";

type Tx = Prisma.TransactionClient;

export interface BatchItem {
  input: unknown;
  opts: WriteYearPlanOptions;
}

export interface BatchOutcome {
  results: (YearPlanWriteResult | null)[];
  /** Per item: its AppError, or null. */
  errors: (AppError | null)[];
}

/**
 * Writes many plans in the caller's transaction with writeYearPlan, going on past a refused
 * one so every problem is reported at once: each item runs inside a savepoint and a refused
 * item is rolled back to it. The caller rolls the whole transaction back when any item was
 * refused (the grid and the plan sheet are all or nothing), or always, for a preview that
 * must say exactly what the commit would do. Only AppErrors are collected; anything else
 * aborts.
 */
export async function writePlansBatch(tx: Tx, actor: Actor, items: BatchItem[]): Promise<BatchOutcome> {
  const results: (YearPlanWriteResult | null)[] = [];
  const errors: (AppError | null)[] = [];
  for (const item of items) {
    await tx.$executeRawUnsafe("SAVEPOINT plan_item");
    try {
      results.push(await writeYearPlan(tx, actor, item.input, item.opts));
      errors.push(null);
      await tx.$executeRawUnsafe("RELEASE SAVEPOINT plan_item");
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT plan_item");
      results.push(null);
      errors.push(e);
    }
  }
  return { results, errors };
}

/** Thrown inside a transaction to roll it back on purpose (a preview); carries what it found. */
export class RollbackWith<T> extends Error {
  constructor(readonly value: T) {
    super("rolled back on purpose");
    this.name = "RollbackWith";
  }
}

/** Runs `work` in a transaction and always rolls it back, returning what it computed. */
export async function dryRun<T>(db: { $transaction: <R>(fn: (tx: Tx) => Promise<R>, options?: { timeout?: number; maxWait?: number }) => Promise<R> }, work: (tx: Tx) => Promise<T>, timeout = 60_000): Promise<T> {
  try {
    await db.$transaction(
      async (tx) => {
        throw new RollbackWith(await work(tx));
      },
      { timeout, maxWait: 10_000 },
    );
  } catch (e) {
    if (e instanceof RollbackWith) return e.value as T;
    throw e;
  }
  throw new Error("unreachable: the dry run's transaction committed");
}
