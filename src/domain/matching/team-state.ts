// An assignment with its loads and objective terms kept up to date, so a local-search move is
// tried in O(1): move, compare, move back. `refresh` recomputes from scratch after each kept move
// so that rounding never accumulates.
import { NONE, type TeamProblem, type TeamValue } from './team-problem.ts';

const over = (load: number, cap: number) => (load > cap ? load - cap : 0);

export class TeamState {
  readonly assign: Int32Array;
  readonly load: Float64Array;
  /** Cells per candidate. */
  readonly count: Int32Array;
  members = 0;
  uncovered = 0;
  excess = 0;
  strength = 0;

  constructor(
    readonly p: TeamProblem,
    assign: Int32Array,
  ) {
    this.assign = assign.slice();
    this.load = new Float64Array(p.candidateCount);
    this.count = new Int32Array(p.candidateCount);
    this.refresh();
  }

  reset(assign: Int32Array): void {
    this.assign.set(assign);
    this.refresh();
  }

  refresh(): void {
    const { p, assign, load, count } = this;
    load.fill(0);
    count.fill(0);
    this.members = 0;
    this.uncovered = 0;
    this.strength = 0;
    for (let c = 0; c < p.cellCount; c++) {
      const m = assign[c]!;
      if (m === NONE) {
        if (p.coverable[c] === 1) this.uncovered += p.share[c]!;
        continue;
      }
      if (count[m] === 0) this.members++;
      count[m] = count[m]! + 1;
      load[m] = load[m]! + p.share[c]!;
      this.strength += p.share[c]! * p.strength[m * p.cellCount + c]!;
    }
    this.excess = 0;
    for (let m = 0; m < p.candidateCount; m++) this.excess += over(load[m]!, p.maxShare);
  }

  /** Gives cell c to m (or NONE), updating every term incrementally. */
  move(c: number, m: number): void {
    const { p } = this;
    const from = this.assign[c]!;
    if (from === m) return;
    const w = p.share[c]!;
    if (from === NONE) {
      if (p.coverable[c] === 1) this.uncovered -= w;
    } else {
      this.shift(from, -w);
      this.count[from] = this.count[from]! - 1;
      if (this.count[from] === 0) this.members--;
      this.strength -= w * p.strength[from * p.cellCount + c]!;
    }
    if (m === NONE) {
      if (p.coverable[c] === 1) this.uncovered += w;
    } else {
      this.shift(m, w);
      if (this.count[m] === 0) this.members++;
      this.count[m] = this.count[m]! + 1;
      this.strength += w * p.strength[m * p.cellCount + c]!;
    }
    this.assign[c] = m;
  }

  private shift(m: number, w: number): void {
    const before = this.load[m]!;
    const after = before + w;
    this.excess += over(after, this.p.maxShare) - over(before, this.p.maxShare);
    this.load[m] = after;
  }

  get overMembers(): number {
    return Math.max(0, this.members - this.p.maxMembers);
  }

  get objective(): number {
    return this.strength - this.p.memberCost * this.members;
  }

  value(): TeamValue {
    const { p } = this;
    let maxShareUsed = 0;
    for (let m = 0; m < p.candidateCount; m++)
      if (this.load[m]! > maxShareUsed) maxShareUsed = this.load[m]!;
    return {
      overMembers: this.overMembers,
      uncovered: this.uncovered,
      excess: this.excess,
      objective: this.objective,
      members: this.members,
      maxShareUsed,
    };
  }
}
