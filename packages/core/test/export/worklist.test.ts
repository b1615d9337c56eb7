import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/export/plan.js';
import { countEntChanges, entChanges } from '../../src/export/worklist.js';
import { readFile } from '../../src/formats/read.js';
import { assembleDataset } from '../../src/model/dataset.js';
import { reconcileDetailed } from '../../src/reconcile.js';
import { summary } from '../../src/cli/check.js';
import { generateSchool } from '../../src/sample/index.js';
import { account, assign, dataset, emptyMatch, prow } from '../checks/fixtures.js';

describe('ENT work list', () => {
  const ds = dataset({
    entAccounts: [
      account('fill', 'DUPONT', 'Léa'),
      account('repl', 'MARTIN', 'Hugo', { pronoteId: 'OLD' }),
      account('ok', 'PETIT', 'Jo', { pronoteId: 'PN3' }),
      account('prob', 'PROB', 'Able'),
      account('conf', 'CONF', 'Irmé'),
      account('amb', 'AMBI', 'Gu'),
    ],
    pronoteRows: [prow('PN1', 'DUPONT', 'Léa'), prow('PN2', 'MARTIN', 'Hugo'), prow('PN3', 'PETIT', 'Jo'), prow('PN4', 'PROB', 'Able'), prow('PN5', 'CONF', 'Irmé')],
  });
  const m = emptyMatch();
  assign(m, { entLogin: 'fill', pronoteId: 'PN1' });
  assign(m, { entLogin: 'repl', pronoteId: 'PN2', currentPronoteId: 'OLD' });
  assign(m, { entLogin: 'ok', pronoteId: 'PN3', currentPronoteId: 'PN3' });
  assign(m, { entLogin: 'prob', pronoteId: 'PN4', decision: 'probable' });
  assign(m, { entLogin: 'conf', pronoteId: 'PN5', decision: 'probable', confirmedByAdmin: true });
  assign(m, { entLogin: 'amb', decision: 'ambiguous', candidates: [{ pronoteId: 'PN8', label: 'AMBI Gu', evidence: [] }] });

  it('keeps the accounts to paste or to replace, certain or confirmed by the admin, never the unsure ones', () => {
    const rows = buildPlan(ds, m);
    expect(entChanges(rows).map((r) => [r.login, r.action, r.currentPronoteId, r.expectedPronoteId]).sort()).toEqual([
      ['conf', 'fill', '', 'PN5'],
      ['fill', 'fill', '', 'PN1'],
      ['repl', 'replace', 'OLD', 'PN2'],
    ]);
    expect(countEntChanges(rows)).toEqual({ fill: 2, replace: 1, total: 3 });
  });

  it('counts on the sample school what the CLI prints (« à renseigner ou corriger dans l’ENT »)', () => {
    const school = generateSchool({ pupils: 120 });
    const files = school.files.flatMap((f) => readFile(f.name, f.bytes, {}));
    const { result, match } = reconcileDetailed(assembleDataset(files), { today: '2025-09-20' });
    const count = countEntChanges(buildPlan(assembleDataset(files), match));
    expect(count.total).toBeGreaterThan(0);
    expect(count.fill).toBeGreaterThan(0);
    expect(summary(result)).toContain(`; ${count.total} à renseigner ou corriger dans l'ENT.`);
  });

  it('the CLI summary prints the plan\'s count when given (it includes the links the admin confirmed)', () => {
    const school = generateSchool({ pupils: 120 });
    const files = school.files.flatMap((f) => readFile(f.name, f.bytes, {}));
    const { result } = reconcileDetailed(assembleDataset(files), { today: '2025-09-20' });
    expect(summary(result, [], countEntChanges(buildPlan(ds, m)))).toContain("; 3 à renseigner ou corriger dans l'ENT.");
  });
});
