import { Spin } from "antd";
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { isStaff, useSession } from "../session";

/**
 * Route guard: not signed in → /login (remembering where to return); applicants stay in the
 * portal and staff in the console.
 */
export function RequireAuth({ area, children }: { area: "portal" | "console"; children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (user === undefined) {
    return (
      <div style={{ display: "grid", placeItems: "center", minHeight: "60vh" }}>
        <Spin size="large" />
      </div>
    );
  }
  if (user === null) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (area === "console" && !isStaff(user)) return <Navigate to="/" replace />;
  if (area === "portal" && isStaff(user)) return <Navigate to="/console" replace />;
  return <>{children}</>;
}
