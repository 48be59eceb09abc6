/**
 * A circuit breaker for one model endpoint: after `failureThreshold` consecutive failures it opens and
 * every call is refused (offline path) until `cooldownMs` has passed on the injected clock; then one
 * trial call is let through (half-open) and its outcome closes or re-opens the circuit.
 */
import type { Clock } from '../clock.js';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreaker {
  /** True when a call may be made now (moves open → half-open once the cooldown has passed). */
  allow(): boolean;
  success(): void;
  failure(): void;
  /** Ends a half-open trial without a verdict on the endpoint (the request itself was the problem). */
  release(): void;
  state(): BreakerState;
  /** For /healthz: state, consecutive failures and when an open circuit will try again. */
  status(): { state: BreakerState; failures: number; retryAt?: string };
}

export interface CircuitBreakerOptions {
  clock: Clock;
  failureThreshold?: number;
  cooldownMs?: number;
}

export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const { clock, failureThreshold = 5, cooldownMs = 30_000 } = options;
  let failures = 0;
  let openedAt: number | undefined;
  let trialInFlight = false;

  const current = (): BreakerState => {
    if (openedAt === undefined) return 'closed';
    return clock.now().getTime() - openedAt >= cooldownMs ? 'half-open' : 'open';
  };

  return {
    allow() {
      const state = current();
      if (state === 'closed') return true;
      if (state === 'open' || trialInFlight) return false;
      trialInFlight = true;
      return true;
    },
    success() {
      failures = 0;
      openedAt = undefined;
      trialInFlight = false;
    },
    failure() {
      failures += 1;
      trialInFlight = false;
      if (openedAt !== undefined || failures >= failureThreshold) openedAt = clock.now().getTime();
    },
    release() {
      trialInFlight = false;
    },
    state: current,
    status() {
      const state = current();
      return {
        state,
        failures,
        ...(openedAt !== undefined ? { retryAt: new Date(openedAt + cooldownMs).toISOString() } : {}),
      };
    },
  };
}
