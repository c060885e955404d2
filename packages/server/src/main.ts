import { loadConfig } from "./config.js";
import { scheduleTimers } from "./jobs/register.js";
import { createSystem } from "./system.js";

const config = loadConfig();
const system = await createSystem(config);
await system.start();
if (config.runWorkers) await scheduleTimers(system.ctx);

if (system.admin.created) {
  // Printed once, to the terminal only: never through the logger.
  const lines = [
    "",
    "  管理员账号已创建 / Admin account created",
    `  邮箱 Email:    ${system.admin.email}`,
    system.admin.generatedPassword
      ? `  密码 Password: ${system.admin.generatedPassword}   (仅显示一次 / shown once; set BEIAN_ADMIN_PASSWORD to choose it)`
      : "  密码 Password: 来自 BEIAN_ADMIN_PASSWORD / from BEIAN_ADMIN_PASSWORD",
    "",
  ];
  process.stdout.write(lines.join("\n") + "\n");
}

await system.app.listen({ host: config.host, port: config.port });
process.stdout.write(`  备案系统 Beian: http://${config.host}:${config.port}/  (db: ${system.ctx.database.kind})\n`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    system
      .stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  });
}
