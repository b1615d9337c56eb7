/** The header's extension status, from the bridge's messages. */
import { describe, expect, it } from 'vitest';
import { nextStatus, type BridgeStatus } from '../src/features/bridge/status.ts';
import { statusText } from '../src/features/bridge/ExtensionStatus.tsx';

const school = { uai: '0310040A', name: 'LYCEE RAYMOND NAVES' };

describe('extension status', () => {
  it('no answer to the app’s hello → « Extension non détectée », with what to do', () => {
    const s = nextStatus({ extension: 'waiting' }, { type: 'no-answer' });
    expect(s.extension).toBe('absent');
    expect(statusText(s).text).toBe('Extension non détectée');
    expect(statusText(s).hint).toContain('installez-la');
  });

  it('hello → connected; the plan acknowledged → its date and school', () => {
    let s: BridgeStatus = nextStatus({ extension: 'waiting' }, { type: 'hello', version: '0.1.0' });
    expect(statusText(s).text).toBe('Extension connectée — aucun plan envoyé');
    // A late timer after the hello changes nothing.
    expect(nextStatus(s, { type: 'no-answer' })).toBe(s);
    const at = new Date(2026, 11, 4, 20, 15).toISOString();
    s = nextStatus(s, { type: 'plan-acked', at }, school);
    expect(statusText(s).text).toBe('Extension connectée — plan envoyé le 04/12/2026 à 20:15');
    expect(statusText(s).hint).toContain('LYCEE RAYMOND NAVES (0310040A)');
    expect(statusText(s).hint).toContain('0.1.0');
  });

  it('an extension that answers after the timeout is connected after all', () => {
    const absent = nextStatus({ extension: 'waiting' }, { type: 'no-answer' });
    expect(nextStatus(absent, { type: 'hello', version: '0.1.0' }).extension).toBe('connected');
  });
});
