// Liveness: the process is up and serving. Touches nothing else (no database), so a database
// outage never makes a supervisor restart healthy web servers; readiness is /api/ready.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
