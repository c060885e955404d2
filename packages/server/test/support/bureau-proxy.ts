/**
 * A pass-through HTTP proxy between the server and the bureau simulator that can cut one SOAP
 * call at a chosen moment: "after" the bureau has done and answered the call (the answer never
 * arrives), or "before" the call reaches it. The crash-safety test kills the server right there,
 * which no timing of a kill from outside could hit reliably.
 */
import { createServer, request, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface Trap {
  /** SOAP operation, e.g. "isp_upload", "isp_downloadack". */
  operation: string;
  /** Which call of that operation (1 = the next one). */
  nth: number;
  when: "before" | "after";
  /** Runs at the cut, e.g. a SIGKILL of the server; the call's connection is dropped after it. */
  action(): Promise<void>;
}

const body = async (stream: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

export async function startBureauProxy(target: string) {
  const upstream = new URL(target);
  const calls = new Map<string, number>();
  let trap: (Trap & { sprung(): void }) | null = null;

  const forward = (req: IncomingMessage, data: Buffer) =>
    new Promise<{ status: number; headers: IncomingMessage["headers"]; data: Buffer }>((done, fail) => {
      const out = request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
        (res) => void body(res).then((d) => done({ status: res.statusCode ?? 502, headers: res.headers, data: d }), fail),
      );
      out.on("error", fail);
      out.end(data);
    });

  const server = createServer((req, res) => {
    void (async () => {
      const data = await body(req);
      const operation = /<(?:[\w-]+:)?(isp_[a-z]+)[\s>/]/.exec(data.toString("utf8"))?.[1];
      const count = operation ? (calls.get(operation) ?? 0) + 1 : 0;
      if (operation) calls.set(operation, count);
      const cut = trap && trap.operation === operation && count === trap.nth ? trap : null;
      if (cut) trap = null;
      if (cut?.when === "before") {
        await cut.action();
        req.socket.destroy();
        return cut.sprung();
      }
      const reply = await forward(req, data);
      if (cut) {
        await cut.action();
        req.socket.destroy();
        return cut.sprung();
      }
      res.writeHead(reply.status, reply.headers);
      res.end(reply.data);
    })().catch(() => req.socket.destroy());
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    /** Calls of each operation seen so far. */
    calls,
    /** Arms one trap; resolves once it has sprung (its action done). Counts from now on. */
    trap(t: Trap): Promise<void> {
      calls.set(t.operation, 0);
      return new Promise<void>((sprung) => (trap = { ...t, sprung }));
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}
