/**
 * A load driver for conversations: each session sends several requests in turn, each after the answer to
 * the one before (as a person clicking through an interview does), with `concurrency` sessions in flight.
 * Reports events (requests) per second, each request's ack time, and CPU per event.
 */
import { startRunMeter, type ThroughputRun } from './throughput.js';

/** Sends one request of a session and records its ack time; fails on a non-200 response. */
export type Timed = (send: () => Promise<{ status: number }>) => Promise<void>;

export async function measureSessions(options: {
  count: number;
  concurrency: number;
  session: (i: number, timed: Timed) => Promise<void>;
}): Promise<ThroughputRun & { events: number }> {
  const requestMs: number[] = [];
  const timed: Timed = async (send) => {
    const t = performance.now();
    const res = await send();
    requestMs.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`request ${requestMs.length} got HTTP ${res.status}`);
  };
  const finish = startRunMeter();
  let next = 0;
  const worker = async () => {
    while (next < options.count) await options.session(next++, timed);
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { ...finish(requestMs.length, requestMs), events: requestMs.length };
}
