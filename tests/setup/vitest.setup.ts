import fs from "node:fs";
import path from "node:path";

import { afterAll } from "vitest";

// Each test file gets its own copy of the migrated template database; the
// Prisma client reads DATABASE_URL when first imported, after this runs.
const template = process.env.TEST_DB_TEMPLATE;
if (template) {
  const file = path.join(path.dirname(template), `t-${process.pid}-${Math.random().toString(36).slice(2)}.db`);
  fs.copyFileSync(template, file);
  process.env.DATABASE_URL = `file:${file}`;
  process.env.LOG_LEVEL ??= "silent";
  afterAll(() => {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  });
}
