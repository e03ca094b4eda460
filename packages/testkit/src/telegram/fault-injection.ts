import type { InjectedFailure } from "./types.ts";

type Fault = { method: string; failure: InjectedFailure; remaining: number; token?: string };

export type FaultInjector = {
  add(method: string, failure: InjectedFailure, times: number, token?: string): void;
  /** Consumes one injected failure for this call, if any is queued. */
  take(method: string, token: string): InjectedFailure | undefined;
};

/** Failures are consumed in the order they were queued, per method (case-insensitive). */
export function createFaultInjector(): FaultInjector {
  const faults: Fault[] = [];
  return {
    add(method, failure, times, token) {
      const fault: Fault = { method: method.toLowerCase(), failure, remaining: times };
      if (token !== undefined) fault.token = token;
      faults.push(fault);
    },
    take(method, token) {
      const name = method.toLowerCase();
      const index = faults.findIndex(
        (fault) => fault.method === name && (fault.token === undefined || fault.token === token),
      );
      const fault = faults[index];
      if (!fault) return undefined;
      fault.remaining--;
      if (fault.remaining <= 0) faults.splice(index, 1);
      return structuredClone(fault.failure);
    },
  };
}
