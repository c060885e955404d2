import { Card, Col, Empty, List, Row, Steps, Tag, Typography } from "antd";
import { Link, useSearchParams } from "react-router";
import { HelpPage } from "../components/help-page";
import { useHelp } from "../components/help-context";
import { MAIN_PATH } from "../model/process";
import { searchHelp, SECTIONS } from "../model/search";

const INTROS: Record<keyof typeof SECTIONS, string> = {
  process: "从填写到备案成功的各个阶段，谁来办理、通常需要多久。",
  materials: "每种备案类型、个人或单位需要上传的资料及原因，核验单怎么签、纸质资料几份。",
  photo: "幕布照怎么拍、幕布怎么申请，上传图片的尺寸与大小要求。",
  sms: "谁会收到工信部的短信验证码、发送号码、48 小时时限、收不到怎么办，各省核验页面。",
  provinces: "31 个省（自治区、直辖市）管局的特别要求，每条注明来源和年份。",
  siteNames: "网站名称的规则和前置审批，附由系统实际检查的正反示例。",
  findings: "填写时出现的每条检查提示是什么意思、该怎么改。",
};

function SearchResults({ query }: { query: string }) {
  const { index } = useHelp();
  const results = searchHelp(index, query);
  return (
    <HelpPage title={`搜索“${query}”`} summary={results.length > 0 ? `找到 ${results.length} 条相关帮助${results.length === 50 ? "（只显示前 50 条，可输入更多关键词缩小范围）" : ""}。` : undefined}>
      {results.length === 0 ? (
        <Empty description="没有找到相关帮助，请换个关键词，例如“幕布”“验证码”“域名”。" />
      ) : (
        <List
          data-testid="search-results"
          dataSource={results}
          renderItem={(e) => (
            <List.Item key={e.id + e.to}>
              <List.Item.Meta
                title={
                  <span style={{ display: "flex", flexWrap: "wrap", gap: 8, alignItems: "center" }}>
                    <Link to={e.to}>{e.title}</Link>
                    <Tag>{e.section}</Tag>
                  </span>
                }
                description={<Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0, color: "inherit" }}>{e.text}</Typography.Paragraph>}
              />
            </List.Item>
          )}
        />
      )}
    </HelpPage>
  );
}

export default function HomePage() {
  const [params] = useSearchParams();
  const query = params.get("q")?.trim() ?? "";
  if (query) return <SearchResults query={query} />;
  return (
    <HelpPage title="备案帮助中心" summary="ICP 备案的流程、资料、幕布照、短信核验和各省要求。无需登录即可查看；内容由系统的备案规则生成，与提交时的检查一致。">
      <Card title="备案的主要阶段" style={{ marginBottom: 16 }} extra={<Link to="/help/process">详细说明</Link>}>
        <Steps orientation="vertical" size="small" current={-1} items={MAIN_PATH.map((s) => ({ title: s.stage, description: s.status === "approved" ? "获得备案号" : `${s.actor} · ${s.duration}` }))} />
      </Card>
      <Row gutter={[16, 16]}>
        {(Object.keys(SECTIONS) as (keyof typeof SECTIONS)[]).map((k) => (
          <Col key={k} xs={24} md={12}>
            <Link to={SECTIONS[k].to}>
              <Card hoverable title={SECTIONS[k].title} style={{ height: "100%" }}>
                <Typography.Text type="secondary">{INTROS[k]}</Typography.Text>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </HelpPage>
  );
}
