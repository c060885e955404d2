import type { TFiling } from "@beian/contracts";
import { Card, Descriptions, Typography } from "antd";
import type { FieldSection } from "../model/field-labels";
import { placeFindings } from "../model/field-labels";
import { FindingNotes } from "./finding-notes";

type Finding = TFiling["findings"][number];

/**
 * Every field of the subject and the websites with readable labels; each pre-review finding sits
 * next to the field its path names, so the reviewer checks both in one glance.
 */
export function FilingFields({ sections, findings }: { sections: FieldSection[]; findings: Finding[] }) {
  const placed = placeFindings(sections, findings);
  return (
    <>
      {sections.map((section) => {
        const rows = section.rows.filter((r) => r.always || r.value !== "" || placed.byRow.has(r.path));
        const sectionFindings = placed.bySection.get(section.path) ?? [];
        return (
          <Card key={section.path || "filing"} title={section.title} size="small" style={{ marginBottom: 16 }} data-section={section.path || "filing"}>
            <FindingNotes findings={sectionFindings} />
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, sm: 1, md: 1, lg: 2, xl: 2, xxl: 2 }}
              styles={{ label: { width: 150, whiteSpace: "normal" }, content: { wordBreak: "break-all", minWidth: 120 } }}
              style={sectionFindings.length > 0 ? { marginTop: 8 } : undefined}
              items={rows.map((row) => {
                const notes = placed.byRow.get(row.path) ?? [];
                return {
                  key: row.path,
                  label: row.label,
                  span: notes.length > 0 || row.value.length > 40 ? ("filled" as const) : 1,
                  children: (
                    <div data-path={row.path}>
                      {row.value === "" ? <Typography.Text type="secondary">未填写</Typography.Text> : row.value}
                      <FindingNotes findings={notes} />
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
