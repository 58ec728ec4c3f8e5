/** Remaining time of a step from its rate so far (null until there is a rate to go by). */
export class Eta {
  private step = '';
  private started = 0;

  update(step: string, done: number, total: number, now = Date.now()): number | null {
    if (step !== this.step) {
      this.step = step;
      this.started = now;
      return null;
    }
    if (done <= 0 || total <= 0) return null;
    const elapsed = (now - this.started) / 1000;
    return Math.max(0, Math.round((elapsed / done) * (total - done)));
  }
}
