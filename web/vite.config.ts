import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// outDir is overridable so `make web-check` can build elsewhere and compare.
export default defineConfig({
  plugins: [react()],
  base: "/",
  build: {
    outDir: process.env.AGORA_WEB_OUT ?? "dist",
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
  test: { include: ["src/**/*.test.ts"] },
});
