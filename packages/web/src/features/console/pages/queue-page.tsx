import { Table, Typography } from "antd";

/** The review queue (R-REV-1); filled once applicants can submit filings. */
export default function QueuePage() {
  return (
    <>
      <Typography.Title level={3}>审核队列</Typography.Title>
      <Table
        rowKey="id"
        dataSource={[]}
        scroll={{ x: 720 }}
        locale={{ emptyText: "暂无待审核的备案申请" }}
        columns={[
          { title: "提交时间", dataIndex: "submittedAt" },
          { title: "主办者", dataIndex: "subjectName" },
          { title: "备案类型", dataIndex: "type" },
          { title: "省份", dataIndex: "province" },
          { title: "域名", dataIndex: "domains" },
          { title: "状态", dataIndex: "status" },
          { title: "时限", dataIndex: "sla" },
        ]}
      />
    </>
  );
}
