import { z } from "zod";

const pageSchema = z.coerce.number().int().min(1).max(100_000);

/** A page number from the URL; anything that is not a sensible page is page 1. */
export function pageFrom(value: string | string[] | undefined): number {
  const parsed = pageSchema.safeParse(Array.isArray(value) ? value[0] : value);
  return parsed.success ? parsed.data : 1;
}
