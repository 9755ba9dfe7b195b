/** The only source of "now" for services, so tests can move time. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export class TestClock implements Clock {
  /** `live`: follow the system clock (browser journeys run in real time). */
  constructor(
    private t = new Date(),
    private readonly live = false,
  ) {}
  now(): Date {
    return this.live ? new Date() : new Date(this.t);
  }
  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
  set(d: Date): void {
    this.t = new Date(d);
  }
}
