import { Typography } from "antd";
import type { ReactNode } from "react";

/** A help page: its title, a one-line summary, then sections. */
export function HelpPage({ title, summary, children }: { title: string; summary?: ReactNode; children: ReactNode }) {
  return (
    <article>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      {summary && <Typography.Paragraph type="secondary">{summary}</Typography.Paragraph>}
      {children}
    </article>
  );
}

/** A titled section with an anchor that search results and other pages link to. */
export function HelpSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} style={{ scrollMarginTop: 16, marginBottom: 32 }}>
      <Typography.Title level={4}>{title}</Typography.Title>
      {children}
    </section>
  );
}

/** Where a rule comes from: source and year, as the policy data says. */
export function SourceNote({ source, year, note }: { source: string; year: number | null; note?: string | undefined }) {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      来源：{source}
      {year === null ? "（未注明年份）" : source.includes(String(year)) ? "" : `（${year} 年）`}
      {note ? `。${note}` : ""}
    </Typography.Text>
  );
}
