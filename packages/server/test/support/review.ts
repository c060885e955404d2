import { expect } from "vitest";
import type { TestSystem } from "./test-system.js";

type Headers = Record<string, string>;

/**
 * The provider's reviewer in API tests: reads a filing and acts on it at its current version,
 * expecting the action to succeed. Both arguments are asked on every call: the system is started
 * in `beforeAll`, and a test whose clock jumps days can sign the reviewer in again.
 */
export function reviewerOf(system: () => TestSystem, headers: () => Headers | Promise<Headers>) {
  const filing = async (id: string) => (await system().app.inject({ url: `/api/filings/${id}`, headers: await headers() })).json();
  const act = async (id: string, action: string, body: Record<string, unknown> = {}) => {
    const res = await system().app.inject({
      method: "POST",
      url: `/api/review/filings/${id}/${action}`,
      headers: await headers(),
      payload: { expectedVersion: (await filing(id)).version, ...body },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  /** Initial review passed and verified on site: ready to go to the bureau. */
  const verify = async (id: string) => {
    await act(id, "approve");
    await act(id, "on-site", { originalsChecked: ["身份证原件"], checkedAt: "2026-03-02T10:00:00+08:00", place: "营业厅" });
  };
  return { filing, act, verify };
}
