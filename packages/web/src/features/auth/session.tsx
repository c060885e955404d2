import type { TLoginResponse, TUser } from "@beian/contracts";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { api, ApiError, setCsrfToken } from "../../lib/api";

interface SessionState {
  /** undefined while the first /api/me is in flight. */
  user: TUser | null | undefined;
  login(email: string, password: string): Promise<TUser>;
  logout(): Promise<void>;
  /** Forgets the session here when the server has already ended it (password change, account closed). */
  forget(): void;
}

const SessionContext = createContext<SessionState | null>(null);

/** Who is signed in, restored after a reload from the HttpOnly cookie (/api/me + /api/auth/csrf). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<TUser | null | undefined>(undefined);

  useEffect(() => {
    api<{ user: TUser }>("GET", "/api/me")
      .then(async ({ user: me }) => {
        setCsrfToken((await api<{ csrfToken: string }>("GET", "/api/auth/csrf")).csrfToken);
        setUser(me);
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 401) setUser(null);
        else setUser(null);
      });
  }, []);

  const login = useCallback(async (email: string, password: string) => {
    const res = await api<TLoginResponse>("POST", "/api/auth/login", { email, password });
    setCsrfToken(res.csrfToken);
    setUser(res.user);
    return res.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api("POST", "/api/auth/logout");
    } finally {
      setCsrfToken(null);
      setUser(null);
    }
  }, []);

  const forget = useCallback(() => {
    setCsrfToken(null);
    setUser(null);
  }, []);

  const value = useMemo(() => ({ user, login, logout, forget }), [user, login, logout, forget]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

export const isStaff = (user: TUser | null | undefined) => user?.role === "reviewer" || user?.role === "admin";
