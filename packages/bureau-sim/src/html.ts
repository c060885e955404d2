/** Minimal server-rendered pages of the simulator (Chinese UI, no scripts). */
export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;max-width:960px;margin:1em auto;padding:0 1em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}label{display:block;margin:.5em 0}.notice{padding:.5em;background:#eef}</style></head>
<body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

export const wantsJson = (accept: string | undefined) => (accept ?? "").includes("application/json");
