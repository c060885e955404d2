import { PROVINCE_KEYS } from "@beian/rules";
import { Card, Col, Row, Tag, Typography } from "antd";
import { Link } from "react-router";
import { useHelp } from "../components/help-context";
import { HelpPage } from "../components/help-page";
import { provinceLines } from "../model/provinces";

export default function ProvincesPage() {
  const { policies } = useHelp();
  return (
    <HelpPage title="各省要求" summary="备案由主办者所在省份的通信管理局审核，各省在全国通用规定之外有自己的要求。选择省份查看详细说明，每条都注明来源和年份。">
      <Row gutter={[12, 12]}>
        {PROVINCE_KEYS.map((k) => {
          const special = provinceLines(k, policies).filter((l) => l.special || l.overridden).length;
          return (
            <Col key={k} xs={12} sm={8} md={6}>
              <Link to={`/help/provinces/${k}`}>
                <Card hoverable size="small" styles={{ body: { padding: 12 } }}>
                  <Typography.Text strong>
                    {policies[k].name}
                    <Typography.Text type="secondary">（{policies[k].abbr}）</Typography.Text>
                  </Typography.Text>
                  <div style={{ marginTop: 4 }}>{special > 0 ? <Tag color="orange">{special} 项特别要求</Tag> : <Tag>按通用规定</Tag>}</div>
                </Card>
              </Link>
            </Col>
          );
        })}
      </Row>
    </HelpPage>
  );
}
