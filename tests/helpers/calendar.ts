// The holiday calendar every integration test run starts with: the demo seed's years
// (2024-2026 as published, 2027's statutory days). Working-day deadlines refuse a year
// without a calendar (lib/domain/working-days.ts), and the tests raise problems and file
// months from 2025 into early 2027. A test about a missing year uses a year outside these
// and clears it itself.
import pg from "pg";
import { holidayRows } from "../../prisma/seed/holidays";
import { isoOf } from "../../prisma/seed/dates";

export const TEST_CALENDAR_YEARS = [2024, 2025, 2026, 2027] as const;

/** Writes the calendar into the database at `url` (idempotent). */
export async function writeTestCalendar(url: string): Promise<number> {
  const rows = holidayRows().map((h) => ({ date: isoOf(h.date), kind: h.kind, name: h.name }));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const res = await client.query(
      `INSERT INTO "Holiday" (date, kind, name)
       SELECT * FROM unnest($1::date[], $2::"HolidayKind"[], $3::text[])
       ON CONFLICT (date) DO NOTHING`,
      [rows.map((r) => r.date), rows.map((r) => r.kind), rows.map((r) => r.name)],
    );
    return res.rowCount ?? 0;
  } finally {
    await client.end();
  }
}
