import type { TFiling, TReturnReason } from "@beian/contracts";
import { Card, Descriptions, Grid, Space, Tag, Typography } from "antd";
import { placeFindings, type FieldSection } from "../model/field-labels";
import { FindingNotes } from "./finding-notes";

type Finding = TFiling["findings"][number];

/** The reasons of the return the applicant has answered, so the reviewer checks each fix in place. */
function ReturnNotes({ reasons }: { reasons: TReturnReason[] }) {
  if (reasons.length === 0) return null;
  return (
    <Space orientation="vertical" size={2} style={{ display: "flex", marginTop: 4 }}>
      {reasons.map((r, i) => (
        <div key={i} data-return-reason={r.code} style={{ lineHeight: 1.6 }}>
          <Tag color="orange" style={{ marginInlineEnd: 6 }}>
            上次退回
          </Tag>
          <Typography.Text style={{ fontSize: 13 }}>{r.message}</Typography.Text>
        </div>
      ))}
    </Space>
  );
}

interface Props {
  sections: FieldSection[];
  findings: Finding[];
  /** Reasons of the last return, shown at their fields once the filing is resubmitted. */
  returned: TReturnReason[];
}

/**
 * Every field of the subject and the websites with readable labels; each pre-review finding sits
 * next to the field its path names, so the reviewer checks both in one glance.
 */
export function FilingFields({ sections, findings, returned }: Props) {
  const screens = Grid.useBreakpoint();
  const placed = placeFindings(sections, findings);
  const reasons = placeFindings(
    sections,
    returned.map((r) => ({ ...r, path: r.path ?? "" })),
  );
  const noted = (rowPath: string) => placed.byRow.has(rowPath) || reasons.byRow.has(rowPath);
  return (
    <>
      {sections.map((section) => {
        const rows = section.rows.filter((r) => r.always || r.value !== "" || noted(r.path));
        const sectionFindings = placed.bySection.get(section.path) ?? [];
        const sectionReasons = reasons.bySection.get(section.path) ?? [];
        const headed = sectionFindings.length + sectionReasons.length > 0;
        return (
          <Card key={section.path || "filing"} title={section.title} size="small" style={{ marginBottom: 16 }} data-section={section.path || "filing"}>
            <FindingNotes findings={sectionFindings} />
            <ReturnNotes reasons={sectionReasons} />
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, sm: 1, md: 1, lg: 2, xl: 2, xxl: 2 }}
              styles={{ label: { width: screens.md ? 150 : 96, whiteSpace: "normal" }, content: { wordBreak: "break-all" } }}
              style={headed ? { marginTop: 8 } : undefined}
              items={rows.map((row) => {
                const rowFindings = placed.byRow.get(row.path) ?? [];
                const rowReasons = reasons.byRow.get(row.path) ?? [];
                return {
                  key: row.path,
                  label: row.label,
                  span: noted(row.path) || row.value.length > 40 ? ("filled" as const) : 1,
                  children: (
                    <div data-path={row.path}>
                      {row.value === "" ? <Typography.Text type="secondary">未填写</Typography.Text> : row.value}
                      <FindingNotes findings={rowFindings} />
                      <ReturnNotes reasons={rowReasons} />
                    </div>
                  ),
                };
              })}
            />
          </Card>
        );
      })}
    </>
  );
}
