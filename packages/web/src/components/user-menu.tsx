import { LogoutOutlined } from "@ant-design/icons";
import { Button, Grid, Typography } from "antd";
import { useNavigate } from "react-router";
import { useSession } from "../features/auth/session";

export function UserMenu() {
  const { user, logout } = useSession();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  return (
    <div style={{ display: "flex", alignItems: "center", gap: 12, lineHeight: "normal", minWidth: 0 }}>
      {/* On a phone the header has room for the button only. */}
      {screens.sm && (
        <Typography.Text ellipsis style={{ maxWidth: 220 }}>
          {user?.email}
        </Typography.Text>
      )}
      <Button
        icon={<LogoutOutlined />}
        onClick={async () => {
          await logout();
          navigate("/login", { replace: true });
        }}
      >
        退出登录
      </Button>
    </div>
  );
}
