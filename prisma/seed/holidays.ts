// 法定节假日 and 调休 working days as published by the State Council General Office
// (国务院办公厅关于 2024/2025/2026 年部分节假日安排的通知; 2025: 国办发明电〔2024〕12号).
// 2024 is included because the demo data reaches back into it and issue deadlines
// are counted in working days.
//
// The app refuses to count working days in a year without a calendar (docs/domain.md,
// Working days), and the demo must keep working when opened in December or in 2027
// (deadlines of problems raised in late December fall in January). 2027's arrangement is
// not in this file: the demo writes only 2027's statutory days (全国年节及纪念日放假办法,
// 2024 revision: 元旦 1 day, 春节 除夕 to 初三, 清明, 劳动节 May 1-2, 端午, 中秋, 国庆
// Oct 1-3, on 2027's lunar dates), named as such, without the 调休 days the State Council
// adds; an administrator replaces them with the published notice.
import { type Day, dayOf, weekdayOf } from "./dates";

export type HolidayRow = { date: Day; kind: "HOLIDAY" | "WORKDAY"; name: string };

type Arrangement = { name: string; off: [string, string]; work?: string[]; statutoryOnly?: boolean };

const ARRANGEMENTS: Record<number, Arrangement[]> = {
  2024: [
    { name: "元旦", off: ["01-01", "01-01"] },
    { name: "春节", off: ["02-10", "02-17"], work: ["02-04", "02-18"] },
    { name: "清明节", off: ["04-04", "04-06"], work: ["04-07"] },
    { name: "劳动节", off: ["05-01", "05-05"], work: ["04-28", "05-11"] },
    { name: "端午节", off: ["06-10", "06-10"] },
    { name: "中秋节", off: ["09-15", "09-17"], work: ["09-14"] },
    { name: "国庆节", off: ["10-01", "10-07"], work: ["09-29", "10-12"] },
  ],
  2025: [
    { name: "元旦", off: ["01-01", "01-01"] },
    { name: "春节", off: ["01-28", "02-04"], work: ["01-26", "02-08"] },
    { name: "清明节", off: ["04-04", "04-06"] },
    { name: "劳动节", off: ["05-01", "05-05"], work: ["04-27"] },
    { name: "端午节", off: ["05-31", "06-02"] },
    { name: "国庆节、中秋节", off: ["10-01", "10-08"], work: ["09-28", "10-11"] },
  ],
  2026: [
    { name: "元旦", off: ["01-01", "01-03"], work: ["01-04"] },
    { name: "春节", off: ["02-15", "02-23"], work: ["02-14", "02-28"] },
    { name: "清明节", off: ["04-04", "04-06"] },
    { name: "劳动节", off: ["05-01", "05-05"], work: ["05-09"] },
    { name: "端午节", off: ["06-19", "06-21"] },
    { name: "中秋节", off: ["09-25", "09-27"] },
    { name: "国庆节", off: ["10-01", "10-07"], work: ["09-20", "10-10"] },
  ],
  2027: [
    { name: "元旦", off: ["01-01", "01-01"], statutoryOnly: true },
    { name: "春节", off: ["02-05", "02-08"], statutoryOnly: true },
    { name: "清明节", off: ["04-05", "04-05"], statutoryOnly: true },
    { name: "劳动节", off: ["05-01", "05-02"], statutoryOnly: true },
    { name: "端午节", off: ["06-09", "06-09"], statutoryOnly: true },
    { name: "中秋节", off: ["09-15", "09-15"], statutoryOnly: true },
    { name: "国庆节", off: ["10-01", "10-03"], statutoryOnly: true },
  ],
};

function mmdd(year: number, text: string): Day {
  const [m, d] = text.split("-").map(Number);
  return dayOf(year, m, d);
}

export function holidayRows(): HolidayRow[] {
  const rows: HolidayRow[] = [];
  for (const [yearText, list] of Object.entries(ARRANGEMENTS)) {
    const year = Number(yearText);
    for (const a of list) {
      for (let d = mmdd(year, a.off[0]); d <= mmdd(year, a.off[1]); d++) {
        rows.push({ date: d, kind: "HOLIDAY", name: a.statutoryOnly ? `${a.name}（法定假日，调休以国务院通知为准）` : a.name });
      }
      for (const w of a.work ?? []) rows.push({ date: mmdd(year, w), kind: "WORKDAY", name: `${a.name}调休上班` });
    }
  }
  return rows.sort((a, b) => a.date - b.date);
}

/** Working-day arithmetic over the same table, for deadlines like "3 个工作日内答复". */
export class WorkCalendar {
  private readonly kinds = new Map<Day, "HOLIDAY" | "WORKDAY">();

  constructor(rows: HolidayRow[] = holidayRows()) {
    for (const r of rows) this.kinds.set(r.date, r.kind);
  }

  isWorkday(day: Day): boolean {
    const kind = this.kinds.get(day);
    if (kind) return kind === "WORKDAY";
    const wd = weekdayOf(day);
    return wd !== 0 && wd !== 6;
  }

  /** The day `n` working days after `day` (n >= 1), as deadlines count them. */
  addWorkdays(day: Day, n: number): Day {
    let d = day;
    let left = n;
    while (left > 0) {
      d++;
      if (this.isWorkday(d)) left--;
    }
    return d;
  }

  /** The nearest working day on or after `day`; falls back to before it if that passes `limit`. */
  workdayOnOrAfter(day: Day, limit: Day): Day {
    let d = day;
    while (!this.isWorkday(d)) d++;
    if (d <= limit) return d;
    d = Math.min(day, limit);
    while (!this.isWorkday(d)) d--;
    return d;
  }
}
