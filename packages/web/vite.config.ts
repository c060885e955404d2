import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";

// The workspace packages (rules, contracts) export TypeScript source under "source".
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ["source", ...defaultClientConditions] },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1600 },
});
