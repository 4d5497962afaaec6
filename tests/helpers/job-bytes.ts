import { PassThrough } from "node:stream";

/** Runs a streamed export job into memory: the bytes it wrote (once its stream has ended) and what `write` returned. */
export async function jobOutput<T>(job: { write: (out: PassThrough) => Promise<T> }): Promise<{ bytes: Buffer; written: T }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise((r) => out.on("end", r));
  const written = await job.write(out);
  await ended;
  return { bytes: Buffer.concat(chunks), written };
}

/** The bytes a streamed export job writes, once its stream has ended. */
export async function jobBytes(job: { write: (out: PassThrough) => Promise<unknown> }): Promise<Buffer> {
  return (await jobOutput(job)).bytes;
}
