import { ConfigProvider, Grid, Layout, Typography } from "antd";
import { Link, Outlet } from "react-router";
import { UserMenu } from "./user-menu";

// On a phone, cards keep their content wide: 12 px inside instead of 24 px.
const PHONE_CARD = { styles: { body: { padding: 12 }, header: { paddingInline: 12 } } };

/** The applicant's portal: a plain header and the page; one column on a phone. */
export function ApplicantLayout() {
  const screens = Grid.useBreakpoint();
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header
        style={{ background: "#fff", display: "flex", alignItems: "center", justifyContent: "space-between", gap: 12, padding: "0 16px", borderBottom: "1px solid #f0f0f0" }}
      >
        <Link to="/">
          <Typography.Title level={4} style={{ margin: 0, whiteSpace: "nowrap" }}>
            备案系统
          </Typography.Title>
        </Link>
        <div style={{ display: "flex", alignItems: "center", gap: 12, minWidth: 0 }}>
          <Link to="/help">帮助</Link>
          {/* On a phone the header keeps its one line: the short name. */}
          <Link to="/account">{screens.sm ? "账号与数据" : "账号"}</Link>
          <UserMenu />
        </div>
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 1080, width: "100%", margin: "0 auto" }}>
        <ConfigProvider card={screens.sm ? {} : PHONE_CARD}>
          <Outlet />
        </ConfigProvider>
      </Layout.Content>
    </Layout>
  );
}
