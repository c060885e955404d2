import { FINANCE_KEYWORDS, PRE_APPROVAL_CATEGORIES, type PreApprovalCategory } from "@beian/rules";
import { Card, Flex, List, Tag, Typography } from "antd";
import { Link } from "react-router";
import { useHelp } from "../components/help-context";
import { HelpPage, HelpSection } from "../components/help-page";
import { VerdictTag } from "../components/verdict-tag";
import { findingHelpHref } from "../links";
import { checkExample, PRE_APPROVAL_EXAMPLES, SITE_NAME_EXAMPLES, type CheckedExample } from "../model/site-name-examples";

const SUBJECTS = { personal: "个人", enterprise: "企业" } as const;

function Example({ e }: { e: CheckedExample }) {
  const { policies } = useHelp();
  return (
    <Card size="small" data-testid="name-example" data-verdict={e.verdict}>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 4 }}>
        <Typography.Text strong style={{ fontSize: 15 }}>
          “{e.name}”
        </Typography.Text>
        <VerdictTag verdict={e.verdict} />
        <Typography.Text type="secondary">
          {SUBJECTS[e.subject]} · {policies[e.province].name}
          {e.preApprovals?.length ? ` · 已填写前置审批：${e.preApprovals.map((c) => PRE_APPROVAL_CATEGORIES[c].label).join("、")}` : ""}
        </Typography.Text>
      </Flex>
      <Typography.Paragraph style={{ marginBottom: e.findings.length ? 4 : 0 }}>{e.why}</Typography.Paragraph>
      {e.findings.length > 0 && (
        <ul style={{ margin: 0, paddingInlineStart: 20, color: "#555" }}>
          {e.findings.map((f) => (
            <li key={f.code}>
              系统提示：{f.message} <Link to={findingHelpHref(f.code) ?? "/help/findings"}>查看说明</Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export default function SiteNamesPage() {
  const names = SITE_NAME_EXAMPLES.map((e) => checkExample(e, "name"));
  const pre = PRE_APPROVAL_EXAMPLES.map((e) => checkExample(e, "pre"));
  const categories = Object.entries(PRE_APPROVAL_CATEGORIES) as [PreApprovalCategory, (typeof PRE_APPROVAL_CATEGORIES)[PreApprovalCategory]][];
  return (
    <HelpPage title="网站名称与前置审批" summary="下面每个示例的结论和提示，都是系统用填写表单时的同一套检查实际得出的。">
      <HelpSection id="rules" title="网站名称规则">
        <Card style={{ marginBottom: 16 }}>
          <ul style={{ margin: 0, paddingInlineStart: 20, lineHeight: 1.9 }}>
            <li>至少 3 个汉字，不能只有英文字母或数字，不能含特殊符号，不能直接使用域名，名称应与网站内容一致。</li>
            <li>“中国”“中华”“中央”“全国”“国家”“人民”“人大”开头仅限国家级单位。</li>
            <li>含“反腐”“纪检”“信访”“维权”等词需主管部门批准；含“赌博”“色情”不能使用。</li>
            <li>个人网站名称不能带有单位、平台或行业性质的词，如“博客”“论坛”“工作室”“官网”“公司”“网站”等。</li>
            <li>
              各省还有自己的规定，如江苏个人网站名称只能是“xx的个人博客”或“xx的个人主页”，上海不能用“论坛”，详见
              <Link to="/help/provinces">各省要求</Link>。
            </li>
            <li>个人网站的备注须用 20–200 字说明网站内容；天津、广西还要求写入固定的个人网站声明。</li>
          </ul>
        </Card>
        <Flex vertical gap={12}>
          {names.map((e, i) => (
            <Example key={`${e.name}-${e.province}-${i}`} e={e} />
          ))}
        </Flex>
      </HelpSection>

      <HelpSection id="pre-approval" title="前置审批">
        <Typography.Paragraph>
          网站提供以下内容前，须先取得主管部门的许可证或批准文件，并在网站信息的“前置审批”中填写文号、上传文件。个人无法取得前置审批，个人网站不能提供这些内容。
        </Typography.Paragraph>
        <List
          bordered
          size="small"
          style={{ marginBottom: 16 }}
          dataSource={categories}
          renderItem={([key, c]) => (
            <List.Item key={key} style={{ display: "block" }}>
              <Flex gap={8} wrap align="center">
                <Typography.Text strong>{c.label}</Typography.Text>
                {"legacy" in c && c.legacy && <Tag>已在全国取消</Tag>}
              </Flex>
              <div>需要：{c.permit}</div>
              {key !== "finance" && c.keywords.length > 0 && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  名称中提示该内容的词：{c.keywords.join("、")}
                </Typography.Text>
              )}
            </List.Item>
          )}
        />
        <Typography.Paragraph>
          金融类词语：{FINANCE_KEYWORDS.join("、")}。名称含这些词的单位网站由审核员核对金融主管部门的批准文件；个人不能开办金融类网站。
          教育、医疗保健、电子公告前置审批已在全国取消，只有仍要求的省份需要填写。
        </Typography.Paragraph>
        <Flex vertical gap={12}>
          {pre.map((e, i) => (
            <Example key={`${e.name}-${i}`} e={e} />
          ))}
        </Flex>
      </HelpSection>

      <HelpSection id="commercial" title="经营性备案">
        <Card>
          网站通过互联网向用户有偿提供信息或服务的，需办理经营性备案：单位先取得增值电信业务经营许可证（编号如 京B2-20090059），填写编号并上传许可证。个人不能办理经营性备案。
        </Card>
      </HelpSection>
    </HelpPage>
  );
}
