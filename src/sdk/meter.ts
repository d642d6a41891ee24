import { creditsOf } from './credits';

export type MeterSnapshot = {
  calls: Record<string, number>;
  credits: number;
  retries: number;
  failures: number;
};

/** Counts what one client asked of Miro, so tests and the benchmark can read the cost. */
export class Meter {
  private calls: Record<string, number> = {};
  private credits = 0;
  private retries = 0;
  private failures = 0;

  called(method: string): void {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
    this.credits += creditsOf(method);
  }

  retried(): void {
    this.retries += 1;
  }

  failed(): void {
    this.failures += 1;
  }

  snapshot(): MeterSnapshot {
    return {
      calls: { ...this.calls },
      credits: this.credits,
      retries: this.retries,
      failures: this.failures,
    };
  }
}
