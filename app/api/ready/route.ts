import { checkReadiness } from "@/lib/server/health/readiness";

// Readiness: 200 when the database answers and holds every migration of this build, otherwise
// 503 with the reason in Chinese and English (nginx or a load balancer takes the instance out).
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const r = await checkReadiness();
  const headers = { "cache-control": "no-store" };
  if (r.ready) return Response.json({ status: "ready", migrations: r.migrations }, { headers });
  return Response.json({ status: "not_ready", reason: r.reason }, { status: 503, headers: { ...headers, "retry-after": "5" } });
}
