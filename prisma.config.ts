import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// The Prisma CLI runs offline on its WebAssembly schema engine through a
// driver adapter (docs/decisions/0002-prisma-offline-driver-adapters.md).
// DATABASE_URL picks the provider: a `file:` URL is SQLite (prisma/), a
// `postgres://` URL is PostgreSQL with its generated schema variant and its
// own migration history (prisma/postgres/, see
// docs/decisions/0007-postgresql-and-several-instances.md).
const url = process.env.DATABASE_URL ?? "file:./data/dev.db";
const postgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  schema: postgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/postgres/migrations" : "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  // eslint-disable-next-line @typescript-eslint/require-await -- Prisma's config type wants a Promise; async keeps a throw a rejection
  async adapter() {
    // @prisma/adapter-pg 7.x: the 6.19 line cannot read the catalog columns
    // of type `name` that `migrate deploy` queries.
    // allowExitOnIdle: the CLI never closes the pool, whose idle connection
    // would otherwise hold the finished process for pg's 10 s idle timeout
    // (scripts/lib/unref-long-timers.cjs handles the schema engine's timer).
    return postgres ? new PrismaPg({ connectionString: url, allowExitOnIdle: true }) : new PrismaBetterSQLite3({ url });
  },
});
