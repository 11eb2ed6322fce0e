import { describe, expect, it } from "vitest";

import { isUniqueViolation } from "~/utils/db.server";

describe("isUniqueViolation (the error shapes of both databases; the real one is in auth-rate-limit.test)", () => {
  it("accepts Prisma's P2002 from either generated client, by shape", () => {
    expect(isUniqueViolation(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(true);
  });

  it("accepts a driver adapter's UniqueConstraintViolation and the raw driver codes", () => {
    const adapterError = Object.assign(new Error("DriverAdapterError"), {
      cause: { kind: "UniqueConstraintViolation", originalCode: "23505" },
    });
    expect(isUniqueViolation(adapterError)).toBe(true);
    expect(isUniqueViolation({ cause: { kind: "GenericJs", originalCode: "SQLITE_CONSTRAINT_UNIQUE" } })).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(true);
    expect(
      isUniqueViolation(Object.assign(new Error("UNIQUE constraint failed"), { code: "SQLITE_CONSTRAINT_UNIQUE" })),
    ).toBe(true);
    expect(isUniqueViolation({ code: "SQLITE_CONSTRAINT_PRIMARYKEY" })).toBe(true);
  });

  it("refuses other errors: not found, foreign keys, not-null, non-objects", () => {
    expect(isUniqueViolation(Object.assign(new Error("not found"), { code: "P2025" }))).toBe(false);
    expect(isUniqueViolation({ code: "P2003" })).toBe(false);
    expect(isUniqueViolation({ code: "23503", cause: { kind: "ForeignKeyConstraintViolation" } })).toBe(false);
    expect(isUniqueViolation({ code: "SQLITE_CONSTRAINT_NOTNULL" })).toBe(false);
    expect(isUniqueViolation(new Error("P2002"))).toBe(false);
    expect(isUniqueViolation("P2002")).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});
