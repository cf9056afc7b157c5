import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { defaultThreads, type checkParallel as CheckParallel } from '../../src/cli/parallel.js';
import { lines } from '../helpers.js';

// The worker runs from dist/ (turbo's `test` depends on `build`).
const dist = new URL('../../dist/cli/parallel.js', import.meta.url);

describe('parallel checking', () => {
  it.skipIf(!existsSync(dist))('gives exactly the single-threaded result', async () => {
    const { checkParallel } = (await import(dist.href)) as { checkParallel: typeof CheckParallel };
    const files = Array.from({ length: 40 }, (_, i) => ({
      file: `p/page${String(i).padStart(2, '0')}.rst`,
      text: lines(`.. _page_${i}:`, '', `Page ${i}`, '=========', '', `See :ref:\`page_${(i * 7) % 50}\` and :ref:\`Table 2 <t_${i}>\`.`, '', `.. _t_${i}:`, '', '.. table:: **Table 1** X', '', '   ====  ====', '   a     b', '   ====  ====', '   1     2', '   ====  ===='),
    }));
    const single = check({ files }, {});
    expect(single.length).toBeGreaterThan(10);
    expect(await checkParallel({ files }, {}, { threads: 3 })).toEqual(single);
  });

  it('uses one thread on machines with one or two cores, else one per core up to 4', () => {
    expect([1, 2, 3, 4, 8, 64].map((cores) => defaultThreads(cores))).toEqual([1, 1, 3, 4, 4, 4]);
  });
});
