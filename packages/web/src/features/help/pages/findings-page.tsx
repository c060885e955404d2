import { Card, Flex, Tag, Typography } from "antd";
import { Link, useLocation } from "react-router";
import { HelpPage } from "../components/help-page";
import { SeverityTag } from "../components/verdict-tag";
import { FINDING_HELP, type FindingHelp } from "../model/finding-help";

function Entry({ f, active }: { f: FindingHelp; active: boolean }) {
  return (
    <Card
      size="small"
      id={f.code}
      data-testid="finding-entry"
      style={{ scrollMarginTop: 16, ...(active ? { borderColor: "#1f5fbf", boxShadow: "0 0 0 2px rgba(31,95,191,0.2)" } : {}) }}
    >
      <Flex gap={8} wrap align="center" style={{ marginBottom: 4 }}>
        <Typography.Text strong>{f.title}</Typography.Text>
        <SeverityTag severity={f.severity} />
      </Flex>
      <Typography.Paragraph style={{ marginBottom: 4 }}>{f.todo}</Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: "break-all" }}>
        规则 {f.ruleId} · 提示代码 {f.code} · <Link to={f.page}>相关说明</Link>
      </Typography.Text>
    </Card>
  );
}

export default function FindingsPage() {
  const { hash } = useLocation();
  const active = decodeURIComponent(hash.slice(1));
  const groups = [...new Set(FINDING_HELP.map((f) => f.group))];
  return (
    <HelpPage
      title="检查提示说明"
      summary={
        <>
          填写备案时，系统会用和提交时相同的规则实时检查。提示分三种：
          <Tag color="error">需修改</Tag>的必须修改后才能提交，<Tag color="warning">提醒</Tag>的可以提交，<Tag color="processing">审核员核对</Tag>的由接入商审核员人工核对。
        </>
      }
    >
      {groups.map((g) => (
        <section key={g} style={{ marginBottom: 24 }}>
          <Typography.Title level={4}>{g}</Typography.Title>
          <Flex vertical gap={8}>
            {FINDING_HELP.filter((f) => f.group === g).map((f) => (
              <Entry key={f.code} f={f} active={f.code === active} />
            ))}
          </Flex>
        </section>
      ))}
    </HelpPage>
  );
}
