/**
 * Crash safety of uploads (issue 11): an applicant's browser sends several large phone photos at
 * once and the server is killed with SIGKILL while it receives, converts and stores them. After
 * the restart no material row points at a missing or damaged file, every stored file is whole
 * under its content key, the uploads can be redone, and the filing can be submitted.
 *
 * Orphans are harmless, not cleaned: a file stored before its row was committed is complete
 * (written to a temporary name, then renamed) and simply unreferenced; the next upload of the
 * same bytes reuses it. A temporary file cut short by the kill has no content key for a name, so
 * the store never serves it. What a crash can leave is bounded by the uploads in flight.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, type Dirent } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { phonePhoto } from "./support/images.js";
import {
  api,
  auditChainBrokenAt,
  completeFiling,
  crashRig,
  onPostgres,
  uploadPhoto,
  waitFor,
  type CrashFiling,
} from "./support/server-process.js";

/** Photos sent at once: every checklist slot, three times. */
const ROUNDS = 3;

const rig = crashRig("upload");
/** The local file store below DATA_DIR. */
const filesRoot = join(rig.dataDir, "files");

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");
const KEY = /^[0-9a-f]{64}$/;

/** Every file of the local store: content-keyed files and temporary ones. */
function storeFiles(): { keyed: string[]; temporary: string[] } {
  const all = (readdirSync(filesRoot, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
  const name = (path: string) => path.slice(path.lastIndexOf("/") + 1);
  return { keyed: all.filter((p) => KEY.test(name(p))), temporary: all.filter((p) => !KEY.test(name(p))) };
}
const pathOf = (key: string) => join(filesRoot, key.slice(0, 2), key.slice(2, 4), key);

describe.runIf(onPostgres)("crash safety: uploads (issue 11)", () => {
  let filing: CrashFiling;
  let items: { kind: string; path: string | null }[];
  let photo: Buffer;

  beforeAll(async () => {
    const server = await rig.open();
    // A 12 MP phone photo (≈ 4 MB); the draft gets small ones first, the crash test sends this.
    photo = await phonePhoto(4000, 3000);
    filing = await completeFiling(server.url, 0, await phonePhoto(1200, 900), { prefix: "upload-crash" });
    const checklist = await api(server.url, "GET", `/api/filings/${filing.id}/checklist`, filing.token);
    items = (checklist.body!.items as { kind: string; path: string | null; stage: string }[]).filter((i) => i.stage === "submission");
  }, 180_000);

  afterAll(() => rig.close());

  it("leaves no material pointing at a missing or half-written file after SIGKILL mid-upload", async () => {
    const running = rig.server!;
    const before = new Set(storeFiles().keyed);
    // Each upload's bytes differ (a trailer after the JPEG's end, which decoders ignore), so each
    // writes an original of its own.
    const uploads = Array.from({ length: ROUNDS }, (_, round) => items.map((item, i) => ({ item, data: Buffer.concat([photo, Buffer.from(`crash-${round}-${i}`)]) }))).flat();
    const replies = uploads.map((u) => uploadPhoto(running.url, filing.token, filing.id, u.item, u.data));
    // Killed as soon as the first new file is stored under its key — between storing an upload's
    // files and committing its row, while the others are still being received, converted or
    // written — or one upload is answered, whichever is first.
    await Promise.race([
      ...replies,
      waitFor("a file stored", async () => storeFiles().keyed.some((p) => !before.has(p)) || undefined, 60_000, 5).catch(() => undefined),
    ]);
    await running.kill();
    const statuses = (await Promise.all(replies)).map((r) => r.status);
    expect(statuses.every((s) => s === 0 || s === 201)).toBe(true);

    const client = new pg.Client({ connectionString: rig.databaseUrl });
    await client.connect();
    try {
      const { rows: materials } = await client.query<{ id: string; original_key: string; stored_key: string; stored_bytes: number }>(
        "select id, original_key, stored_key, stored_bytes from materials where filing_id = $1",
        [filing.id],
      );
      // Every committed material has both files, whole: their bytes hash to their keys.
      for (const m of materials) {
        expect(sha256(readFileSync(pathOf(m.original_key)))).toBe(m.original_key);
        const stored = readFileSync(pathOf(m.stored_key));
        expect(sha256(stored)).toBe(m.stored_key);
        expect(stored.length).toBe(m.stored_bytes);
      }
      // Every file under a content key is whole, referenced or not; the rest are temporary names.
      const { keyed, temporary } = storeFiles();
      for (const path of keyed) expect(sha256(readFileSync(path))).toBe(path.slice(path.lastIndexOf("/") + 1));
      const referenced = new Set(materials.flatMap((m) => [m.original_key, m.stored_key]));
      const orphans = keyed.filter((p) => !before.has(p) && !referenced.has(p.slice(p.lastIndexOf("/") + 1)));
      console.log(
        `crash safety (upload): ${statuses.filter((s) => s === 201).length} of ${uploads.length} answered, ${materials.length} materials, ` +
          `${orphans.length} unreferenced whole files, ${temporary.length} half-written temporary files`,
      );
      // Row, audit entry and replacement mark together: one audit entry per row, one current file per slot.
      const audited = await client.query<{ n: number }>("select count(*)::int as n from audit_log where entity_id = $1 and action = 'material.uploaded'", [filing.id]);
      expect(audited.rows[0]!.n).toBe(materials.length);
      const slots = await client.query<{ n: number }>("select count(*)::int as n from materials where filing_id = $1 and replaced_at is null group by kind, path", [filing.id]);
      expect(slots.rows.every((r) => r.n === 1)).toBe(true);
    } finally {
      await client.end();
    }

    const server = await rig.start();
    // Every current material is served whole, and each upload can be redone.
    for (const item of items) {
      const redo = await uploadPhoto(server.url, filing.token, filing.id, item, Buffer.concat([photo, Buffer.from("crash-0-0")]));
      expect(redo.status).toBe(201);
      const file = await fetch(`${server.url}/api/filings/${filing.id}/materials/${redo.body!.id}/file`, { headers: { authorization: `Bearer ${filing.token}` } });
      expect(file.status).toBe(200);
      const bytes = Buffer.from(await file.arrayBuffer());
      expect(readFileSync(pathOf(sha256(bytes))).equals(bytes)).toBe(true);
    }
    const { version } = (await api(server.url, "GET", `/api/filings/${filing.id}`, filing.token)).body!;
    expect((await api(server.url, "POST", `/api/filings/${filing.id}/submit`, filing.token, { expectedVersion: version })).status).toBe(200);
    expect(await auditChainBrokenAt(rig.databaseUrl)).toBeNull();
  }, 120_000);
});
