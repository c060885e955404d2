import type { ReactNode } from "react";
import { Navigate } from "react-router";
import { useSession } from "../../auth/session";

/** The console's settings are the admins': a reviewer who opens one by its address lands on the queue. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const { user } = useSession();
  if (user?.role !== "admin") return <Navigate to="/console" replace />;
  return <>{children}</>;
}
