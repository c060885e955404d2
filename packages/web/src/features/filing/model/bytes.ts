/** 5.2 MB, 96.3 KB: sizes as applicants read them (1 KB = 1024 bytes, as the 100 KB limit counts). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
