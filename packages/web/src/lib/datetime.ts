/** Times are stored in UTC and shown in Asia/Shanghai (architecture: Time). */
export function formatShanghai(iso: string | null | undefined): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
}
