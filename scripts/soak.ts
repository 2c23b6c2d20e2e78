/**
 * `npm run soak`: a week of a changing company, with faults, judged round by round
 * (test/soak/run.ts). Prints its seed first; `npm run soak -- --seed N --rounds R` replays a
 * run exactly. Exits non-zero when a required figure is missed.
 *
 *   --seed N        the run's seed (default: random)
 *   --rounds R      rounds, one sync interval each (default 150, about 5 minutes here)
 *   --employees E   the company's size at the start (default 300)
 *   --changes C     changes per round (default 6)
 *   --ahead-days D  start with the clocks D days ahead, as a long run's later rounds are
 */
import { runSoak, type SoakFigures } from '../test/soak/run';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a whole number`);
  return value;
}

const seed = option('seed', Math.floor(Math.random() * 2 ** 31));
const rounds = option('rounds', 150);
const aheadDays = option('ahead-days', 0);
const ahead = aheadDays ? ` --ahead-days ${aheadDays}` : '';
console.log(`soak: seed ${seed}, ${rounds} rounds${ahead ? `, clocks ${aheadDays} days ahead` : ''} (replay: npm run soak -- --seed ${seed} --rounds ${rounds}${ahead})`);

const figures = await runSoak({ seed, rounds, employees: option('employees', 300), changesPerRound: option('changes', 6), aheadDays, onRound: (line) => console.log(`  ${line}`) });
const failures = printTable(figures);
process.exit(failures ? 1 : 0);

/** The table, and how many required figures were missed. */
export function printTable(f: SoakFigures): number {
  const list = (m: Map<string, number>) => [...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} ${n}`).join(', ');
  const changes = [...f.changes.values()].reduce((a, b) => a + b, 0);
  const rows: [string, string, string, boolean][] = [
    ['rounds', String(f.rounds), 'reported', true],
    ['people (start → end)', `${f.peopleStart} → ${f.peopleEnd}`, 'reported', true],
    ['changes applied', `${changes} (${list(f.changes)})`, 'reported', true],
    ['faults injected', list(f.faults), 'reported', true],
    ['runs that failed on their fault', String(f.failedRuns), 'reported', true],
    ['divergences after the next good sync', String(f.divergences), '0', f.divergences === 0],
    ['people lost', String(f.peopleLost), '0', f.peopleLost === 0],
    ['lookups lost during a failing sync', String(f.lookupsLost), '0', f.lookupsLost === 0],
    ['stored people search did not find', String(f.searchMisses), '0', f.searchMisses === 0],
    ['removed people search still found', String(f.removedStillFound), '0', f.removedStillFound === 0],
    ['away now wrong on a card (people checked)', `${f.awayWrong} (${f.awayChecked})`, '0', f.awayWrong === 0],
    ['max staleness (simulated minutes)', String(f.maxStalenessMinutes), '≤ 15 + one run', f.maxStalenessMinutes <= 15],
    ['store bytes per person (start → end)', `${f.bytesPerPersonStart} → ${f.bytesPerPersonEnd}`, 'reported', true],
    ['wall time', `${f.seconds} s`, 'reported', true],
  ];
  console.log('\n| figure | value | required | |\n|---|---|---|---|');
  for (const [name, value, required, ok] of rows) console.log(`| ${name} | ${value} | ${required} | ${ok ? 'ok' : 'MISSED'} |`);
  if (f.divergenceSamples.length) console.log('\nfirst divergences:', JSON.stringify(f.divergenceSamples));
  if (f.missSamples.length) console.log('\nfirst lookups lost and search misses:', JSON.stringify(f.missSamples));
  return rows.filter((r) => !r[3]).length;
}
