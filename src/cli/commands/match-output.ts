// Plain-text tables for `circles match`.
import type { MatchOutcome, TeamOutcome } from '../../services/matching.service.ts';

type CellText = Record<string, unknown>;

const KEYS = ['service', 'product', 'solutionArea', 'specialization'] as const;

function cellLabel(cell: CellText | undefined, i: number): string {
  if (cell === undefined) return `#${i}`;
  const key = KEYS.find((k) => typeof cell[k] === 'string');
  return `#${i} ${key === undefined ? '?' : String(cell[key])} in ${String(cell.country)}`;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) => r.map((x, c) => (c === r.length - 1 ? x : x.padEnd(widths[c]!))).join('  '))
    .join('\n');
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

export function printMatches(out: MatchOutcome, cells: readonly CellText[]): void {
  const lines: string[] = [`Need: ${cells.map(cellLabel).join('; ')}`];
  if (out.results.length === 0) lines.push('No partner can serve any cell of this need.');
  else {
    const rows = [['#', 'Score', 'Covers', 'Partner', 'Id']];
    out.results.forEach((r, i) => {
      rows.push([
        String(i + 1),
        r.score.toFixed(2),
        r.covers.length === 0 ? '-' : r.covers.map((c) => `#${c}`).join(' '),
        r.org.name,
        r.org.id,
      ]);
    });
    lines.push(table(rows));
    const top = out.results[0]!;
    lines.push('', `Why ${top.org.name}:`);
    for (const reason of top.reasons) {
      lines.push(
        `  ${reason.factor.padEnd(16)}${reason.points.toFixed(2).padStart(7)}  ${reason.text}`,
      );
    }
    lines.push(`Showing ${out.results.length} of ${out.total} partners.`);
  }
  if (out.uncovered.length > 0) {
    lines.push(`Nobody serves: ${out.uncovered.map((c) => cellLabel(cells[c], c)).join('; ')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function printTeam(team: TeamOutcome, cells: readonly CellText[]): void {
  const lines: string[] = [];
  if (team.members.length === 0) lines.push('No partner can serve any cell of this need.');
  else {
    lines.push(
      `Team of ${team.members.length}; largest share ${pct(team.maxShareUsed)}` +
        (team.shareCapRelaxed ? ' (above the cap: no team without it covers as much)' : ''),
    );
    const rows = [['Partner', 'Share', 'Cells']];
    for (const m of team.members) {
      rows.push([m.org.name, pct(m.share), m.cells.map((c) => cellLabel(cells[c], c)).join('; ')]);
    }
    lines.push(table(rows));
  }
  if (team.uncovered.length > 0) {
    lines.push(`Uncovered: ${team.uncovered.map((c) => cellLabel(cells[c], c)).join('; ')}`);
  }
  const backups = Object.entries(team.backups);
  if (backups.length > 0) {
    lines.push('Backups:');
    for (const [cell, orgs] of backups) {
      const c = Number(cell);
      lines.push(`  ${cellLabel(cells[c], c)}: ${orgs.map((o) => o.name).join(', ')}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
