import { useState } from 'react';
import type { Assignment } from '@raccord/core';
import { assignmentKey } from '@raccord/core/match/types.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { fr } from '../../i18n/fr.ts';
import { useDecide } from '../../lib/decide.ts';
import type { EvidenceGroup } from '../../lib/groups.ts';
import { assignmentLabel } from './AssignmentDecision.tsx';

/** Probable links that share their evidence, each group confirmed at once after a preview. */
export function ProbableGroups({ groups }: { groups: EvidenceGroup[] }) {
  const [preview, setPreview] = useState<EvidenceGroup | null>(null);
  const { confirmLinks } = useDecide();
  if (!groups.length) return null;
  return (
    <section aria-labelledby="groups-title" className="card probable-groups">
      <h2 id="groups-title">{fr.links.groupsTitle}</h2>
      <p className="hint">{fr.links.groupsIntro}</p>
      <ul className="group-list">
        {groups.map((g, i) => (
          <li key={i} data-size={g.members.length}>
            <strong>{fr.links.groupLine(g.members.length)}</strong> : {g.reasons.join(' ; ')}{' '}
            <button type="button" className="small" aria-label={fr.links.groupPreviewLabel(g.members.length, g.reasons.join(' ; '))} onClick={() => setPreview(g)}>
              {fr.links.groupPreview(g.members.length)}
            </button>
          </li>
        ))}
      </ul>
      {preview && (
        <ModalDialog
          title={fr.links.groupDialogTitle(preview.members.length)}
          submitLabel={fr.links.groupSubmit(preview.members.length)}
          onClose={() => setPreview(null)}
          onSubmit={() => confirmLinks(preview.members.map(linkOf))}
        >
          <p>{fr.links.groupDialogIntro}</p>
          <div className="table-wrap group-preview">
            <table>
              <caption className="visually-hidden">{fr.links.groupCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{fr.links.col.person}</th>
                  <th scope="col">{fr.links.col.account}</th>
                  <th scope="col">{fr.links.col.proposal}</th>
                </tr>
              </thead>
              <tbody>
                {preview.members.map((a) => (
                  <tr key={a.entLogin}>
                    <td>{a.person?.label ?? fr.links.noPerson}</td>
                    <td>
                      <code className="id">{a.entLogin}</code>
                    </td>
                    <td>
                      <code className="id">{a.pronoteId}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </ModalDialog>
      )}
    </section>
  );
}

function linkOf(a: Assignment): { linkKey: string; label: string } {
  return { linkKey: assignmentKey(a.entLogin, a.pronoteId!), label: assignmentLabel(a) };
}
