import type { TPrintableForms } from "@beian/contracts";
import { DownloadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Flex, Table, Typography } from "antd";
import { useEffect, useState } from "react";
import { ApiError } from "../../../lib/api";
import { reviewApi } from "../model/review-api";

/** R-DOC-1, R-MAT-4/5: the pre-filled PDFs and the paper set to print, sign and seal. */
export function PrintableForms({ filingId, version }: { filingId: string; version: number }) {
  const [forms, setForms] = useState<TPrintableForms | null>(null);
  const [problem, setProblem] = useState("");
  useEffect(() => {
    let current = true;
    reviewApi
      .forms(filingId)
      .then((f) => current && setForms(f))
      .catch((e: unknown) => current && setProblem(e instanceof ApiError ? e.detail : "表格列表加载失败，请刷新页面重试。"));
    return () => {
      current = false;
    };
  }, [filingId, version]);

  return (
    <Card title="打印表格" size="small" style={{ marginBottom: 16 }}>
      {problem && <Alert type="warning" showIcon title={problem} />}
      {forms && (
        <>
          <Flex wrap gap={8} style={{ marginBottom: 12 }}>
            {forms.forms.map((f) => (
              <Button key={f.url} icon={<DownloadOutlined />} href={f.url} download>
                {f.title}
              </Button>
            ))}
          </Flex>
          <Typography.Text strong>打印说明</Typography.Text>
          <Table
            rowKey="document"
            size="small"
            pagination={false}
            style={{ marginTop: 8 }}
            dataSource={forms.instructions}
            columns={[
              { title: "材料", dataIndex: "document" },
              { title: "份数", dataIndex: "copies", width: 56, render: (n: number) => `${n} 份` },
              { title: "要求", dataIndex: "note" },
            ]}
          />
        </>
      )}
    </Card>
  );
}
