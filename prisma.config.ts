import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

// The Prisma CLI runs offline on its WebAssembly schema engine through this
// driver adapter (see docs/decisions/0002-prisma-offline-driver-adapters.md).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    return new PrismaBetterSQLite3({
      url: process.env.DATABASE_URL ?? "file:./data/dev.db",
    });
  },
});
