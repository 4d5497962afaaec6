// Runs in the browser before the app's own code (Next's instrumentation-client).
//
// zod builds faster object parsers with `new Function` when it may; to find out it tries
// one the first time a schema is built. The pages' CSP allows no eval (proxy.ts), so in
// the browser that probe is a blocked eval reported as a policy violation on every page
// with a form. Telling zod up front to do without keeps the console clean; the server,
// which has no CSP, keeps the fast parsers.
import { z } from "zod";

z.config({ jitless: true });
