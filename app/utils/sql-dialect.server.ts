/**
 * What SQLite and PostgreSQL spell differently, for the few queries written
 * in SQL (counts Prisma cannot express portably). Everything else in those
 * queries is standard SQL that both run as written.
 */
import { Prisma } from "~/generated/prisma/client";
import { databaseProvider } from "~/utils/db.server";

/**
 * The case-insensitive LIKE: SQLite's LIKE already ignores case (for ASCII
 * letters); PostgreSQL's does not, ILIKE does.
 */
export function caseInsensitiveLike(): Prisma.Sql {
  return databaseProvider() === "postgresql" ? Prisma.raw("ILIKE") : Prisma.raw("LIKE");
}

/**
 * The same case-insensitive "contains" as a Prisma filter: PostgreSQL needs
 * `mode: "insensitive"` (ILIKE). The SQLite client's types have no `mode`,
 * hence the cast.
 */
export function containsInsensitive(text: string): Prisma.StringFilter & Prisma.StringNullableFilter {
  if (databaseProvider() === "postgresql") {
    return { contains: text, mode: "insensitive" } as unknown as Prisma.StringFilter;
  }
  return { contains: text };
}

/**
 * A timestamp column's day (UTC) as YYYY-MM-DD text. Prisma stores SQLite
 * DateTime as ISO-8601 text in UTC, whose first ten characters are the
 * date; PostgreSQL formats its timestamp.
 */
export function dayOf(column: Prisma.Sql): Prisma.Sql {
  return databaseProvider() === "postgresql"
    ? Prisma.sql`to_char(${column}, 'YYYY-MM-DD')`
    : Prisma.sql`substr(${column}, 1, 10)`;
}

/**
 * `"Table" alias`, read through the named index on SQLite (INDEXED BY),
 * whose planner knows no row counts and may prefer a worse index.
 * PostgreSQL has no such clause and plans from its statistics.
 */
export function tableThroughIndex(table: string, alias: string, index: string): Prisma.Sql {
  const name = Prisma.raw(`"${table}" ${alias}`);
  return databaseProvider() === "sqlite"
    ? Prisma.sql`${name} INDEXED BY ${Prisma.raw(`"${index}"`)}`
    : Prisma.sql`${name}`;
}
