const SHANGHAI = { timeZone: "Asia/Shanghai", hour12: false } as const;

/** Times are stored in UTC and shown in Asia/Shanghai (architecture: Time). */
export function formatShanghai(iso: string | null | undefined): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleString("zh-CN", SHANGHAI);
}

/** A deadline at the end of a working day (midnight Shanghai) reads as "that day, by 24:00". */
export function formatDeadline(iso: string): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString("zh-CN", SHANGHAI);
  if (time !== "00:00:00" && time !== "24:00:00") return formatShanghai(iso);
  return `${new Date(at.getTime() - 1000).toLocaleDateString("zh-CN", SHANGHAI)} 24:00 前`;
}
