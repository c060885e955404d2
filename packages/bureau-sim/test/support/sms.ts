import type { RunningSim } from "../../src/start.js";

export const ZJ_PAGE = "/zj/state/outPortal/messageAuthentication.action";

export interface InboxMessage {
  sender: string;
  carrier: string;
  text: string;
  sentAt: string;
}

export async function inbox(sim: RunningSim, mobile: string): Promise<InboxMessage[]> {
  const res = await sim.app.inject({ url: `/sim/sms?mobile=${mobile}`, headers: { accept: "application/json" } });
  return (res.json() as { messages: InboxMessage[] }).messages;
}

/** The last code texted to a mobile. */
export async function lastCode(sim: RunningSim, mobile: string): Promise<string | undefined> {
  const codes = (await inbox(sim, mobile)).flatMap((m) => /核验码为(\d{6})/.exec(m.text)?.[1] ?? []);
  return codes.at(-1);
}

export async function verifyOnPage(sim: RunningSim, form: { certificateNumber: string; mobile: string; code: string }, path = ZJ_PAGE) {
  const res = await sim.app.inject({
    method: "POST",
    url: path,
    headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams({ ...form, action: "verify" }).toString(),
  });
  return res.json() as { result: string; remaining?: number; allDone?: boolean; message: string };
}
