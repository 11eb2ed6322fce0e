import { checkReadiness } from "~/utils/db.server";

/**
 * Readiness for a load balancer or orchestrator: 200 when this instance can
 * serve (database reachable, every migration it ships applied, not shutting
 * down); 503 with the reason otherwise. /healthz is the liveness probe.
 */
export async function loader() {
  const readiness = await checkReadiness();
  const headers = { "Cache-Control": "no-store" };
  if (readiness.ready) return Response.json({ status: "ready", ...readiness }, { headers });
  return Response.json({ status: "unavailable", ...readiness }, { status: 503, headers });
}
