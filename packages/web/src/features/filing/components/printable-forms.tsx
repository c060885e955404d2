import { FilePdfOutlined } from "@ant-design/icons";
import { Card, Flex, Typography } from "antd";
import { useEffect, useState } from "react";
import type { TPrintableForms } from "@beian/contracts";
import { formsApi } from "../../../api/filings";

/** R-DOC-1: after submission the applicant prints the 核验单, 协议 and 授权书, pre-filled (R-MAT-4/5 say how many and who signs). */
export function PrintableForms({ filingId }: { filingId: string }) {
  const [list, setList] = useState<TPrintableForms | null>(null);
  useEffect(() => {
    formsApi
      .list(filingId)
      .then(setList)
      .catch(() => setList(null));
  }, [filingId]);
  if (!list || list.forms.length === 0) return null;
  return (
    <Card title="打印备案资料" style={{ marginBottom: 16 }} data-testid="printable-forms">
      <Flex vertical gap={8} style={{ marginBottom: 12 }}>
        {list.forms.map((f) => (
          <a key={f.url} href={f.url} target="_blank" rel="noreferrer">
            <FilePdfOutlined /> {f.title}（PDF）
          </a>
        ))}
      </Flex>
      {list.instructions.length > 0 && (
        <>
          <Typography.Text strong>纸质资料</Typography.Text>
          <ul style={{ margin: "4px 0 0", paddingInlineStart: 20 }}>
            {list.instructions.map((i) => (
              <li key={i.document}>
                {i.document} × {i.copies}
                {i.note ? `：${i.note}` : ""}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
