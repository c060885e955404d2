import { AuditOutlined, BellOutlined, EnvironmentOutlined, GlobalOutlined, MailOutlined, MenuOutlined, RollbackOutlined, TeamOutlined } from "@ant-design/icons";
import { Button, Layout, Menu, Typography } from "antd";
import { useState } from "react";
import { Link, Outlet, useLocation, useNavigate } from "react-router";
import { useSession } from "../features/auth/session";
import { UserMenu } from "./user-menu";

/** The provider console for reviewers and admins: a side menu that folds away on a phone. */
export function ConsoleLayout() {
  const { user } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // On a narrow screen the menu folds away behind a button in the header (antd's own trigger
  // would float over the page's first line).
  const [narrow, setNarrow] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  // A filing under review belongs to the queue it was opened from; a special website to its list.
  const selected = pathname.startsWith("/console/filings/")
    ? "/console"
    : pathname.startsWith("/console/special-websites/")
      ? "/console/special-websites"
      : pathname;
  // The settings are the admins' (the server refuses them to reviewers too).
  const items = [
    { key: "/console", icon: <AuditOutlined />, label: "审核队列" },
    { key: "/console/special-websites", icon: <GlobalOutlined />, label: "特殊网站" },
    ...(user?.role === "admin"
      ? [
          {
            type: "group" as const,
            key: "admin",
            label: "管理",
            children: [
              { key: "/console/users", icon: <TeamOutlined />, label: "用户管理" },
              { key: "/console/reason-templates", icon: <RollbackOutlined />, label: "退回理由模板" },
              { key: "/console/provinces", icon: <EnvironmentOutlined />, label: "省份政策" },
              { key: "/console/notification-templates", icon: <MailOutlined />, label: "通知模板" },
              { key: "/console/notifications", icon: <BellOutlined />, label: "通知发送记录" },
            ],
          },
        ]
      : []),
  ];
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Sider
        breakpoint="lg"
        collapsedWidth={0}
        trigger={null}
        collapsed={collapsed}
        onBreakpoint={(broken) => {
          setNarrow(broken);
          setCollapsed(broken);
        }}
        theme="light"
        style={{ borderRight: "1px solid #f0f0f0" }}
      >
        <Typography.Title level={5} style={{ padding: "20px 24px 8px", margin: 0 }}>
          接入商控制台
        </Typography.Title>
        <Menu
          mode="inline"
          selectedKeys={[selected]}
          items={items}
          onClick={({ key }) => {
            navigate(key);
            if (narrow) setCollapsed(true);
          }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: "#fff", display: "flex", justifyContent: "space-between", alignItems: "center", padding: "0 16px", borderBottom: "1px solid #f0f0f0" }}>
          {narrow ? <Button type="text" icon={<MenuOutlined />} aria-label="菜单" aria-expanded={!collapsed} onClick={() => setCollapsed(!collapsed)} /> : <span />}
          <div style={{ display: "flex", alignItems: "center", gap: 12, minWidth: 0 }}>
            <Link to="/help">帮助</Link>
            <UserMenu />
          </div>
        </Layout.Header>
        <Layout.Content style={{ padding: 16 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
