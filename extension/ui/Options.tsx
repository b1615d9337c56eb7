/**
 * Options: the app's origin, the plan received (and how long it is kept: set in the app, which
 * sends it with the plan — one setting, shown here, not doubled), the portal hosts Raccord may run
 * on (each one granted by the browser on request, nothing else), and the fields designated per host.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { normalizeOrigin } from '@raccord/core/bridge/protocol.js';
import { KNOWN_HOSTS, matchPattern, parseHostOrigin } from '../lib/hosts';
import type { RuntimeMessage } from '../lib/messages';
import type { Registered } from '../lib/registration';
import { designationsItem, getSettings, updateSettings, type FieldLocator } from '../lib/storage';
import { forgetField } from '../features/designate';
import { frDateTime, schoolLabel, usePlan, useSettings } from './usePlan';

const firefox = import.meta.env.FIREFOX === true;

/** Asks the background to re-register the content scripts; returns the portal patterns in force. */
async function sync(): Promise<string[] | null> {
  const r = (await browser.runtime.sendMessage({ type: 'sync-registrations' } satisfies RuntimeMessage)) as Registered | undefined;
  return r?.portal ?? null;
}

export function Options() {
  const settings = useSettings();
  const { stored } = usePlan();
  const [status, setStatus] = useState('');
  const [designations, setDesignations] = useState<Record<string, Record<string, FieldLocator>>>({});
  const [newHost, setNewHost] = useState('');
  const [newLabel, setNewLabel] = useState('');
  const [appOrigin, setAppOrigin] = useState('');

  useEffect(() => {
    void designationsItem.getValue().then(setDesignations);
    return designationsItem.watch((v) => setDesignations(v ?? {}));
  }, []);
  useEffect(() => {
    if (settings && !appOrigin) setAppOrigin(settings.appOrigin);
  }, [settings, appOrigin]);

  if (!settings) return <p>Chargement…</p>;

  const enable = async (origin: string) => {
    // First, in the click's own gesture: the browser asks the admin for exactly this host.
    const ok = await browser.permissions.request({ origins: [matchPattern(origin, firefox)] });
    if (!ok) {
      setStatus(`Permission refusée pour ${origin} : Raccord n’y fonctionnera pas.`);
      return;
    }
    const s = await getSettings();
    await updateSettings({ enabledOrigins: [...new Set([...s.enabledOrigins, origin])] });
    const portal = await sync();
    if (!portal?.includes(matchPattern(origin, firefox))) {
      setStatus(`Permission accordée, mais Raccord n’a pas pu s’activer sur ${origin}. Réessayez.`);
      return;
    }
    setStatus(`Activé sur ${origin}. Rechargez les pages de ce portail déjà ouvertes.`);
  };

  const disable = async (origin: string) => {
    const s = await getSettings();
    await updateSettings({ enabledOrigins: s.enabledOrigins.filter((o) => o !== origin) });
    const pattern = matchPattern(origin, firefox);
    // localhost is granted at install (the app's default origin): it cannot be withdrawn, and needs not be.
    if (!['localhost', '127.0.0.1'].includes(new URL(origin).hostname)) await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
    await sync();
    setStatus(`Désactivé sur ${origin}.`);
  };

  const addHost = async () => {
    const origin = parseHostOrigin(newHost);
    if (!origin) {
      setStatus('Adresse invalide : saisissez l’adresse https du portail, par exemple https://ent.example.fr.');
      return;
    }
    const s = await getSettings();
    if (!KNOWN_HOSTS.some((h) => h.origin === origin) && !s.customHosts.some((h) => h.origin === origin))
      await updateSettings({ customHosts: [...s.customHosts, { origin, label: newLabel.trim() || origin }] });
    setNewHost('');
    setNewLabel('');
    await enable(origin);
  };

  const removeHost = async (origin: string) => {
    await disable(origin);
    const s = await getSettings();
    await updateSettings({ customHosts: s.customHosts.filter((h) => h.origin !== origin) });
  };

  const saveAppOrigin = async () => {
    const origin = normalizeOrigin(appOrigin);
    if (!origin) {
      setStatus('Origine de l’application invalide (exemple : http://localhost:4173).');
      return;
    }
    const ok = await browser.permissions.request({ origins: [matchPattern(origin, firefox)] });
    if (!ok) {
      setStatus(`Permission refusée pour ${origin}.`);
      return;
    }
    await updateSettings({ appOrigin: origin });
    await sync();
    setStatus(`L’extension dialogue désormais avec ${origin} (et seulement avec elle).`);
  };

  const forget = async () => {
    await browser.runtime.sendMessage({ type: 'forget' } satisfies RuntimeMessage);
    setStatus('Plan et fichiers en attente effacés.');
  };

  const hosts = [
    ...KNOWN_HOSTS.map((h) => ({ origin: h.origin, label: h.label, source: h.source, custom: false })),
    ...settings.customHosts.map((h) => ({ origin: h.origin, label: h.label, source: 'ajouté par vous', custom: true })),
  ];

  return (
    <main>
      <h1>Raccord — options de l’extension</h1>
      <p role="status" aria-live="polite" className="ok">
        {status}
      </p>

      <h2>Application Raccord</h2>
      <p className="note">L’extension n’échange qu’avec l’application à cette adresse (par défaut, l’application locale).</p>
      <div className="row">
        <label>
          Origine de l’application{' '}
          <input type="url" value={appOrigin} onChange={(e) => setAppOrigin(e.target.value)} aria-label="Origine de l’application" />
        </label>
        <button type="button" onClick={() => void saveAppOrigin()}>
          Enregistrer
        </button>
      </div>

      <h2>Plan reçu de l’application</h2>
      {stored ? (
        <p>
          Plan du {frDateTime(stored.plan.generatedAt)} de {schoolLabel(stored.plan.school)} ({stored.plan.people.length} personnes), reçu le {frDateTime(stored.storedAt)},
          effacé automatiquement le {frDateTime(stored.expiresAt)}.
        </p>
      ) : (
        <p>Aucun plan enregistré. Ouvrez l’application Raccord avec un import analysé : elle l’envoie d’elle-même.</p>
      )}
      <p>
        Conservation du plan : <strong>{settings.keepDays === 1 ? '1 jour' : `${settings.keepDays} jours`}</strong>.{' '}
        <span className="note">Durée réglée dans l’application Raccord (page Données), qui l’envoie avec le plan ; elle ne se change pas ici.</span>
      </p>
      <div className="row">
        <button type="button" onClick={() => void forget()}>
          Oublier maintenant
        </button>
      </div>

      <h2>Portails</h2>
      <p className="note">
        Raccord ne fonctionne que sur les portails que vous activez ici ; le navigateur vous demande l’autorisation pour chacun. Aucune donnée n’est envoyée
        ailleurs que vers l’application Raccord.
      </p>
      <table className="hosts">
        <thead>
          <tr>
            <th>Portail</th>
            <th>Adresse</th>
            <th>État</th>
          </tr>
        </thead>
        <tbody>
          {hosts.map((h) => {
            const on = settings.enabledOrigins.includes(h.origin);
            return (
              <tr key={h.origin}>
                <td>
                  {h.label}
                  <div className="note">{h.source}</div>
                </td>
                <td className="mono">{h.origin}</td>
                <td>
                  <span className={on ? 'ok' : 'note'}>{on ? 'Activé' : 'Désactivé'}</span>{' '}
                  <button type="button" onClick={() => void (on ? disable(h.origin) : enable(h.origin))} aria-label={`${on ? 'Désactiver' : 'Activer'} ${h.origin}`}>
                    {on ? 'Désactiver' : 'Activer'}
                  </button>
                  {h.custom ? (
                    <button type="button" onClick={() => void removeHost(h.origin)} aria-label={`Retirer ${h.origin}`}>
                      Retirer
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>Ajouter votre portail</h3>
      <div className="row">
        <input type="text" placeholder="https://ent.mon-academie.fr" value={newHost} onChange={(e) => setNewHost(e.target.value)} aria-label="Adresse du portail" />
        <input type="text" placeholder="Nom (facultatif)" value={newLabel} onChange={(e) => setNewLabel(e.target.value)} aria-label="Nom du portail" />
        <button type="button" className="primary" onClick={() => void addHost()}>
          Ajouter et activer
        </button>
      </div>

      <h2>Champs désignés</h2>
      {Object.keys(designations).length ? (
        <ul>
          {Object.entries(designations).flatMap(([origin, fields]) =>
            Object.entries(fields).map(([purpose, loc]) => (
              <li key={`${origin}:${purpose}`}>
                <span className="mono">{origin}</span> — identifiant PRONOTE : « {loc.description} »{' '}
                <button type="button" onClick={() => void forgetField(origin, purpose)}>
                  Oublier
                </button>
              </li>
            )),
          )}
        </ul>
      ) : (
        <p className="note">Aucun. Sur une fiche où Raccord ne trouve pas le champ, utilisez « Désigner le champ ».</p>
      )}
    </main>
  );
}
