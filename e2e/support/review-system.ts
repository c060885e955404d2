import { startSystem } from "./system.js";

/**
 * Like support/system.ts, with a server clock that runs in real time from a movable offset:
 * review deadlines are working days long, so the queue's overdue and due-today states need the
 * server to live at another time than the browser for a while.
 */
export async function startReviewSystem() {
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  const system = await startSystem({ clock: { now } });
  return {
    ...system,
    /** The server's clock from now on reads `at` (and keeps running). */
    setClock(at: Date) {
      offset = at.getTime() - Date.now();
    },
    now,
  };
}
