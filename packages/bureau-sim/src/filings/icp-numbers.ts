/**
 * Issues ICP numbers (NUM-1, NUM-2): province abbreviation + ICP备 + year (4 digits) + serial
 * (6 digits) + 号, websites -1, -2 … The text is produced by formatIcpNumber from @beian/rules
 * so it always parses back.
 */
import { formatIcpNumber, PROVINCES, type ProvinceKey } from "@beian/rules";
import { sql } from "drizzle-orm";
import type { SimTx } from "../context.js";
import { icpSerials } from "../db/schema.js";

export async function issueSubjectNumber(tx: SimTx, province: ProvinceKey, now: Date): Promise<string> {
  const year = Number(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 4));
  const [row] = await tx
    .insert(icpSerials)
    .values({ province, year, last: 1 })
    .onConflictDoUpdate({ target: [icpSerials.province, icpSerials.year], set: { last: sql`${icpSerials.last} + 1` } })
    .returning({ last: icpSerials.last });
  const serial = `${year}${String(row!.last).padStart(6, "0")}`;
  return formatIcpNumber({ province: PROVINCES[province].abbr, serial, site: null, kind: "filing" });
}

export function siteNumber(subjectNumber: string, index: number): string {
  return `${subjectNumber}-${index}`;
}
