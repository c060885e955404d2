import type { FastifyInstance, LightMyRequestResponse } from "fastify";

/** A signed-in API client over app.inject: bearer token, or cookie + CSRF like a browser. */
export interface Session {
  token: string;
  csrfToken: string;
  cookie: string;
  userId: string;
}

export async function register(app: FastifyInstance, email: string, password = "Passw0rd-x", mobile = "13800138000") {
  return app.inject({ method: "POST", url: "/api/auth/register", payload: { email, password, mobile } });
}

export async function loginAs(app: FastifyInstance, email: string, password: string): Promise<Session> {
  const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const body = res.json() as { token: string; csrfToken: string; user: { id: string } };
  const setCookie = [res.headers["set-cookie"]].flat().find((c) => c?.startsWith("beian_session="));
  return { token: body.token, csrfToken: body.csrfToken, cookie: setCookie!.split(";")[0]!, userId: body.user.id };
}

export function bearer(session: Session | null): Record<string, string> {
  return session ? { authorization: `Bearer ${session.token}` } : {};
}

export const json = (res: LightMyRequestResponse) => res.json() as Record<string, unknown>;
