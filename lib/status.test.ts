import { describe, expect, it } from 'vitest';
import { runningSync, type StatusReply } from './status';
import type { SyncProgress } from './sync/progress';

const at = (stage: SyncProgress['stage'], pagesDone = 0): SyncProgress => ({ stage, kind: 'full', pagesDone, rows: 0 });
const status = (running: SyncProgress | null) => ({ running }) as StatusReply;

describe('runningSync', () => {
  it('follows the broadcasts past a status asked for earlier in the run', () => {
    expect(runningSync(status(at('starting')), at('retrying'))?.stage).toBe('retrying');
  });

  it('takes the status while no broadcast has come (a page opened mid-run)', () => {
    expect(runningSync(status(at('employees', 3)))).toEqual(at('employees', 3));
  });

  it('shows a run the status did not know of yet, and none once the broadcast says it is over', () => {
    expect(runningSync(status(null), at('starting'))?.stage).toBe('starting');
    expect(runningSync(status(null), at('failed'))).toBeUndefined();
    expect(runningSync(status(null), at('done'))).toBeUndefined();
  });
});
