/**
 * What to do at each step, in which portal: seed 003 (« Guide de saisie des données dans les
 * applications nationales SIECLE et STS WEB »), shortened to what the admin clicks.
 */
import type { StepId } from './types.js';

export const STEP_TITLE: Record<StepId, string> = {
  bascule: 'Bascule de STS-web',
  nomenclatures: 'Nomenclatures profilées',
  'structure-sts': 'Structure de l’établissement dans STS-web',
  'structure-siecle': 'Structure exportée vers SIECLE Base élèves',
  eleves: 'Élèves à jour et nouveaux élèves reçus',
  'services-groupes': 'Services des enseignants et liens élèves/groupes',
  aaf: 'Alimentation de l’AAF (48 à 72 h)',
  'comptes-ent': 'Comptes ENT',
  'identifiants-pronote': 'Identifiants PRONOTE dans l’ENT',
};

export const STEP_PORTAL: Record<StepId, string> = {
  bascule: 'STS-web (année en cours)',
  nomenclatures: 'Module NOMENCLATURES',
  'structure-sts': 'STS-web (année en préparation)',
  'structure-siecle': 'STS-web → SIECLE Base élèves',
  eleves: 'SIECLE Base élèves',
  'services-groupes': 'STS-web, EDT, SIECLE Base élèves',
  aaf: 'AAF (automatique, chaque nuit)',
  'comptes-ent': 'ENT (Annuaire)',
  'identifiants-pronote': 'PRONOTE → ENT',
};

export const STEP_TODO: Record<StepId, string[]> = {
  bascule: [
    'STS-web, année en cours : menu Bascule, effectuer la bascule vers l’année en préparation.',
    'Ne basculer que les divisions : éviter de reconduire les services et les groupes d’une année sur l’autre.',
    'Puis STS-web : Exports > Emploi du temps, et importer ici le nouveau sts_emp.',
  ],
  nomenclatures: [
    'Module NOMENCLATURES : réceptionner les nomenclatures de scolarité, sélectionner celles de l’établissement, lancer le profilage.',
    'S’il manque une nomenclature (MEF, matière) ou qu’elle ne correspond pas au terrain : demander un nouvel envoi au SIA-ES de l’académie.',
    'Puis SIECLE : Exportations > En XML > Nomenclature, et importer ici Nomenclature.xml.',
  ],
  'structure-sts': [
    'STS-web, année en préparation : menu Structure.',
    'Supprimer les divisions (et les groupes s’ils ont été basculés) qui n’existeront plus à la rentrée.',
    'Créer les nouvelles divisions, avec des appellations significatives.',
  ],
  'structure-siecle': [
    'STS-web : exporter la structure (divisions et groupes) vers SIECLE Base élèves, pour pouvoir y affecter les élèves.',
    'Puis SIECLE : Exportations > En XML > Structures, et importer ici Structures.xml.',
  ],
  eleves: [
    'SIECLE Base élèves, élèves déjà présents : mettre à jour les dossiers (MEF, division, options, coordonnées).',
    'Nouveaux élèves : Importations > Dossiers depuis affectation, puis Dossiers depuis autre EPLE ; ne créer une fiche à la main que pour un élève venu d’une autre académie, de l’étranger ou du privé hors contrat.',
    'Vérifier Tableau de bord > Fiches bloquantes (fiches « À compléter ») et Signalements académiques (multi-inscription) ; Fiches élèves > Doublons responsables.',
  ],
  'services-groupes': [
    'STS-web : exporter les données vers le logiciel d’emploi du temps ; EDT : créer les groupes (8 caractères au plus : lettres, chiffres, espace, - et _) et les emplois du temps.',
    'STS-web : Imports > Emploi du temps (récupérer groupes et services depuis EDT), puis Exports > Structure et Exports > Services.',
    'SIECLE : exporter les élèves vers EDT ; EDT : inscrire les élèves dans les groupes, exporter les liens élèves/groupes ; SIECLE : Importations > Liens élève-groupe depuis logiciel privé (importé la nuit).',
  ],
  aaf: [
    'Rien à saisir : l’AAF est construit chaque nuit depuis SIECLE et STS-web, personne ne le modifie.',
    'Un changement fait dans SIECLE est visible dans SIECLE le lendemain et dans l’ENT 48 à 72 h après : attendre ce délai avant de chercher une erreur.',
    'Puis ENT : Annuaire > Administration > Fichiers des identifiants, télécharger à nouveau le fichier et l’importer ici.',
  ],
  'comptes-ent': [
    'ENT : Annuaire > Administration > Fichiers des identifiants : télécharger le fichier des comptes (et le publipostage des codes).',
    'Compte manquant après 72 h : fiche SIECLE bloquante ou multi-inscription (élève), responsable absent de la fiche de l’élève, services STS-web (enseignant) ; voir Annuaire > Administration > Rapports d’alimentation.',
    'Compte d’une personne partie : corriger la source (date de sortie dans SIECLE), pas l’ENT.',
  ],
  'identifiants-pronote': [
    'PRONOTE : « Exporter les ID Pronote » ; pour le premier export de l’année, décocher « Uniquement les utilisateurs sans ID CAS ». Import dans l’ENT en mode complet.',
    'Arrivée en cours d’année : import en mode partiel, ou copier l’identifiant depuis PRONOTE et le coller dans l’ENT (Annuaire > Rechercher un utilisateur, « Modifier la valeur »).',
    'Personne absente de PRONOTE : SIECLE > Exportations vers EDT, récupérer les données des élèves dans EDT, puis PRONOTE crée l’identifiant.',
  ],
};

/** The finding codes that hold back each step. `ent.account-missing` of a recent arrival (info) belongs to the AAF step. */
export const STEP_CODES: Partial<Record<StepId, string[]>> = {
  eleves: ['siecle.pupil-incomplete', 'siecle.pupil-duplicate', 'siecle.guardian-duplicate'],
  'services-groupes': ['groups.invalid-name', 'groups.unknown-group', 'groups.stale-membership', 'sts.teacher-without-service'],
  aaf: ['ent.account-missing'],
  'comptes-ent': ['ent.account-missing', 'ent.account-orphan'],
  'identifiants-pronote': ['pronote.not-in-pronote', 'pronote.shared-id', 'pronote.id-conflict', 'match.ambiguous'],
};
