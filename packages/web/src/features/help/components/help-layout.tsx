import { Button, ConfigProvider, Grid, Input, Layout, Menu, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { Link, Outlet, useLocation, useNavigate, useSearchParams } from "react-router";
import { isStaff, useSession } from "../../auth/session";
import { buildIndex, SECTIONS } from "../model/search";
import { useHelpPolicies } from "../model/use-help-policies";
import { HelpContext } from "./help-context";

// On a phone, cards keep their content wide (as in the applicant's portal).
const PHONE_CARD = { styles: { body: { padding: 12 }, header: { paddingInline: 12 } } };

/** Scrolls to the element named by the URL's hash once the (lazy) page has rendered it. */
function useHashScroll() {
  const { pathname, hash } = useLocation();
  useEffect(() => {
    const id = decodeURIComponent(hash.slice(1));
    if (!id) {
      window.scrollTo({ top: 0 });
      return;
    }
    let tries = 0;
    const t = setInterval(() => {
      const el = document.getElementById(id);
      if (el || ++tries > 30) {
        clearInterval(t);
        el?.scrollIntoView({ block: "start" });
      }
    }, 100);
    return () => clearInterval(t);
  }, [pathname, hash]);
}

/** The public help center (R-HELP-1): no sign-in needed; a signed-in visitor sees the provider's settings. */
export function HelpLayout() {
  const { user } = useSession();
  const { policies, fromProvider } = useHelpPolicies();
  const index = useMemo(() => buildIndex(policies), [policies]);
  const context = useMemo(() => ({ policies, fromProvider, index }), [policies, fromProvider, index]);
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const [query, setQuery] = useState(params.get("q") ?? "");
  useEffect(() => setQuery(params.get("q") ?? ""), [params]);
  useHashScroll();

  const selected = Object.values(SECTIONS).find((s) => pathname.startsWith(s.to))?.to ?? "/help";
  const home = user ? (isStaff(user) ? { to: "/console", label: "返回控制台" } : { to: "/", label: "我的备案" }) : { to: "/login", label: "登录" };
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header
        style={{ background: "#fff", display: "flex", alignItems: "center", justifyContent: "space-between", gap: 12, padding: "0 16px", borderBottom: "1px solid #f0f0f0" }}
      >
        <Link to="/help" style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0, whiteSpace: "nowrap" }}>
            备案帮助中心
          </Typography.Title>
        </Link>
        <Link to={home.to}>
          <Button>{home.label}</Button>
        </Link>
      </Layout.Header>
      <div style={{ background: "#fff", borderBottom: "1px solid #f0f0f0" }}>
        <div style={{ maxWidth: 1080, margin: "0 auto", padding: "12px 16px 0" }}>
          <Input.Search
            aria-label="搜索帮助"
            placeholder="搜索帮助，例如：幕布、短信验证码、上海、DOMAIN_IS_SUBDOMAIN"
            allowClear
            enterButton="搜索"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onSearch={(q) => navigate(q.trim() ? `/help?q=${encodeURIComponent(q.trim())}` : "/help")}
          />
          <Menu
            mode="horizontal"
            selectedKeys={[selected]}
            style={{ borderBottom: 0 }}
            items={[{ key: "/help", label: <Link to="/help">首页</Link> }, ...Object.values(SECTIONS).map((s) => ({ key: s.to, label: <Link to={s.to}>{s.title}</Link> }))]}
          />
        </div>
      </div>
      <Layout.Content style={{ padding: 16, maxWidth: 1080, width: "100%", margin: "0 auto" }}>
        <HelpContext.Provider value={context}>
          <ConfigProvider card={screens.sm ? {} : PHONE_CARD}>
            <Outlet />
          </ConfigProvider>
        </HelpContext.Provider>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: "center", color: "#888", fontSize: 12 }}>
        本帮助中心的材料清单、省份要求和示例均由系统的备案规则直接生成，与提交时的检查一致。
        {fromProvider ? "已按本接入商的省份配置显示。" : "显示的是各省的默认要求；登录后按接入商的省份配置显示。"}
      </Layout.Footer>
    </Layout>
  );
}
