/**
 * Scrolls to the input of a finding's path and focuses it. Fields mark themselves with
 * data-path (and data-also for paths they show); a path with no field of its own ("websites.0.principal")
 * lands on its section, or the nearest enclosing one.
 */
export function focusPath(path: string): boolean {
  const esc = (s: string) => CSS.escape(s);
  let target: Element | null =
    document.querySelector(`[data-path="${esc(path)}"]`) ??
    document.querySelector(`[data-also~="${esc(path)}"]`) ??
    document.querySelector(`[data-section="${esc(path)}"]`);
  for (let p = path; !target && p.includes("."); ) {
    p = p.slice(0, p.lastIndexOf("."));
    target = document.querySelector(`[data-path="${esc(p)}"]`) ?? document.querySelector(`[data-section="${esc(p)}"]`);
  }
  if (!(target instanceof HTMLElement)) return false;
  target.scrollIntoView({ block: "center" });
  const input = target.querySelector<HTMLElement>("input:not([type=file]):not([disabled]), textarea, [role=combobox]");
  input?.focus({ preventScroll: true });
  target.animate([{ backgroundColor: "#fff1b8" }, { backgroundColor: "transparent" }], { duration: 1800 });
  return true;
}
