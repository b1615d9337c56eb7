import { useId, useState } from 'react';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { useQueryClient } from '@tanstack/react-query';
import { getDb, type MappingRow } from '../../db/schema.ts';
import { saveMapping } from '../../db/store.ts';
import type { MappingRequest, StagedFile } from '../../engine/types.ts';
import { fr } from '../../i18n/fr.ts';
import { keys } from '../../lib/queries.ts';

type ListKind = 'pronote-ids' | 'ent-accounts';
type Profile = NonNullable<MappingRow['pronoteProfile']>;
const PROFILES: Profile[] = ['pupil', 'teacher', 'staff', 'guardian'];

/**
 * The column-mapping step: for a table whose header Raccord does not know, the admin says which
 * column holds what (or, for a PRONOTE list, which list it is). Saved per header signature and
 * used for every file with the same header from then on.
 */
export function MappingDialog({
  file,
  request,
  onClose,
  onSaved,
}: {
  file: StagedFile;
  request: MappingRequest;
  onClose: () => void;
  onSaved: () => void;
}) {
  const qc = useQueryClient();
  const id = useId();
  const [kind, setKind] = useState<ListKind>('pronote-ids');
  const [columns, setColumns] = useState<Record<string, number>>({});
  const [profile, setProfile] = useState<Profile | ''>('');
  const [error, setError] = useState('');
  const profileOnly = request.need === 'profile';

  const fields = Object.entries(fr.mapping.fields[kind]);
  const needsProfile = profileOnly || (kind === 'pronote-ids' && columns.profile === undefined);

  const fail = (msg: string) => {
    setError(msg);
    return false;
  };

  const submit = async (): Promise<boolean> => {
    if (profileOnly) {
      if (!profile) return fail(fr.mapping.required(fr.mapping.profileLabel));
      await saveMapping(getDb(), { signature: request.signature, header: request.header, pronoteProfile: profile });
    } else {
      const missing = fr.mapping.requiredFields[kind].filter((f) => columns[f] === undefined);
      const noName = kind === 'pronote-ids' && columns.family === undefined && columns.fullName === undefined;
      if (missing.length || noName) {
        const labels = [...missing.map((f) => fr.mapping.fields[kind][f]!), ...(noName ? [fr.mapping.fields['pronote-ids'].family!] : [])];
        return fail(fr.mapping.required(labels.join(', ')));
      }
      if (needsProfile && !profile) return fail(fr.mapping.required(fr.mapping.profileLabel));
      await saveMapping(getDb(), {
        signature: request.signature,
        header: request.header,
        kind,
        columns,
        ...(needsProfile && profile ? { pronoteProfile: profile } : {}),
      });
    }
    await qc.invalidateQueries({ queryKey: keys.mappings });
    onSaved();
    return true;
  };

  const title = profileOnly ? fr.mapping.profileTitle : fr.mapping.title;
  return (
    <ModalDialog title={title} submitLabel={fr.mapping.save} onSubmit={submit} onClose={onClose} className="mapping-dialog">
      <p>{profileOnly ? fr.mapping.profileIntro(file.path) : fr.mapping.intro(file.path)}</p>

      <div className="table-wrap sample-table">
        <table>
          <caption>{fr.mapping.sampleCaption}</caption>
          <thead>
            <tr>
              {request.header.map((h, i) => (
                <th key={i} scope="col">
                  {h || `(${i + 1})`}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {request.sample.map((r, i) => (
              <tr key={i}>
                {request.header.map((_, j) => (
                  <td key={j}>{r[j] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {!profileOnly && (
        <fieldset>
          <legend>{fr.mapping.kindLabel}</legend>
          {(['pronote-ids', 'ent-accounts'] as const).map((k) => (
            <label key={k} className="radio">
              <input
                type="radio"
                name={`${id}-kind`}
                value={k}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setColumns({});
                }}
              />
              {fr.mapping.kinds[k]}
            </label>
          ))}
        </fieldset>
      )}

      {!profileOnly && (
        <div className="mapping-grid">
          {fields.map(([field, label]) => (
            <div key={`${kind}-${field}`} className="mapping-field">
              <label htmlFor={`${id}-${field}`}>{fr.mapping.columnFor(label)}</label>
              <select
                id={`${id}-${field}`}
                value={columns[field] ?? ''}
                onChange={(e) => {
                  const v = e.target.value;
                  setColumns((c) => {
                    const next = { ...c };
                    if (v === '') delete next[field];
                    else next[field] = Number(v);
                    return next;
                  });
                  setError('');
                }}
              >
                <option value="">{fr.mapping.notInFile}</option>
                {request.header.map((h, i) => (
                  <option key={i} value={i}>
                    {h || `(${i + 1})`}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
      )}

      {needsProfile && (
        <div className="block-label">
          <label htmlFor={`${id}-list-profile`}>{fr.mapping.profileLabel}</label>
          <select id={`${id}-list-profile`} value={profile} onChange={(e) => setProfile(e.target.value as Profile | '')}>
            <option value="">{fr.links.chooseNone}</option>
            {PROFILES.map((p) => (
              <option key={p} value={p}>
                {fr.mapping.profiles[p]}
              </option>
            ))}
          </select>
        </div>
      )}

      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </ModalDialog>
  );
}
