import { pingDatabase } from "~/utils/db.server";

/** Liveness plus a database round trip; 503 when the database is unreachable. */
export async function loader() {
  try {
    await pingDatabase();
    return Response.json({ status: "ok", database: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json(
      { status: "error", database: "unreachable" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
