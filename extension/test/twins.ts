/** A guardian entered twice in SIECLE (one accent apart): two plan entries of one `sameAs` group, one PRONOTE ID. */
import type { BridgePerson } from '@raccord/core/bridge/protocol.js';

export const twinGuardian = (over: Partial<BridgePerson>): BridgePerson => ({
  key: 'siecle:guardian:808781',
  profile: 'guardian',
  family: 'Henry',
  given: 'Éric',
  entLogins: ['eric.henry'],
  pronoteId: '164AQZ4Q2BB84BW8',
  decision: 'certain',
  evidence: ['mêmes enfants dans PRONOTE'],
  sameAs: 'siecle:guardian:808781',
  ...over,
});

export const HENRY = twinGuardian({});
export const HENRY2 = twinGuardian({ key: 'siecle:guardian:815281', given: 'Eric', entLogins: ['eric.henry2'] });
