// Reference data for the sample school: names, places, subjects, MEFs.
// Every string here must be encodable in ISO-8859-15 AND Windows-1252 (the tests check it).

import type { Rng } from './prng.js';

/** Family names: plain, accented, hyphenated, with particles, apostrophes and œ. */
export const FAMILY_NAMES: readonly string[] = [
  'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent',
  'Simon', 'Michel', 'Lefebvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard',
  'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Faure', 'André', 'Mercier',
  'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier', 'Garcia', 'Perrin',
  'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Gautier', 'Masson', 'Marchand',
  'Duval', 'Denis', 'Dumont', 'Marie', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier', 'Brun',
  'Blanchard', 'Giraud', 'Joly', 'Rivière', 'Lucas', 'Brunet', 'Gaillard', 'Barbier', 'Arnaud', 'Martinez',
  'Gérard', 'Roche', 'Renard', 'Schmitt', 'Roy', 'Leroux', 'Colin', 'Vidal', 'Caron', 'Picard',
  'Roger', 'Fabre', 'Aubert', 'Lemoine', 'Renaud', 'Dumas', 'Lacroix', 'Olivier', 'Philippe', 'Bourgeois',
  'Pierre', 'Benoît', 'Rey', 'Leclerc', 'Payet', 'Rolland', 'Leclercq', 'Guillaume', 'Lecomte', 'Lopez',
  'Jean', 'Dupuy', 'Guillot', 'Hubert', 'Berger', 'Carpentier', 'Sanchez', 'Dupuis', 'Moulin', 'Louis',
  'Deschamps', 'Huet', 'Vasseur', 'Pérez', 'Boucher', 'Fleury', 'Royer', 'Klein', 'Jacquet', 'Adam',
  'Poirier', 'Marty', 'Aubry', 'Guyot', 'Carré', 'Charles', 'Renault', 'Charpentier', 'Ménard', 'Maillard',
  'Baron', 'Bertin', 'Bailly', 'Hervé', 'Schneider', 'Fernandez', 'Le Gall', 'Collet', 'Léger', 'Bouvier',
  'Julien', 'Prévost', 'Millet', 'Perrot', 'Daniel', 'Le Roux', 'Cousin', 'Germain', 'Breton', 'Besson',
  'Langlois', 'Rémy', 'Le Goff', 'Pelletier', 'Lévêque', 'Perrier', 'Leblanc', 'Barré', 'Lebrun', 'Marchal',
  'Weber', 'Mallet', 'Hamon', 'Boulanger', 'Jacob', 'Monnier', 'Michaud', 'Rodriguez', 'Guichard', 'Gillet',
  'Étienne', 'Grondin', 'Poulain', 'Tessier', 'Chevallier', 'Collin', 'Chauvin', 'Da Silva', 'Bouchet', 'Gay',
  'Lemaître', 'Bénard', 'Maréchal', 'Humbert', 'Reynaud', 'Antoine', 'Hoarau', 'Perret', 'Barthélemy', 'Cordier',
  'Pichon', 'Lejeune', 'Gilbert', 'Lamy', 'Delaunay', 'Pasquier', 'Carlier', 'Laporte', 'Bousquet', 'Cazeneuve',
  'Rouquette', 'Soulé', 'Castaing', 'Lacoste', 'Sabatier', 'Carrère', 'Bergès', 'Puig', 'Castex', 'Estève',
  'Baylac', 'Cazaux', 'Lafforgue', 'Nguyen', 'Tran', 'Benali', 'Benaïssa', 'Haddad', 'Mansouri', 'Bouzid',
  'Diallo', 'Traoré', 'Camara', 'Diop', 'Koné', 'Cissé', 'Sow', 'Fofana', 'Kouassi', 'Yilmaz',
  'Öztürk', 'Kaya', 'Rodrigues', 'Fernandes', 'Pereira', 'Ferreira', 'Gonçalves', 'Dos Santos', 'Oliveira', 'Costa',
  'Lopes', 'Ribeiro', 'Rossi', 'Esposito', 'Bianchi', 'Moreno', 'Jiménez', 'Muñoz', 'Gómez', 'Navarro',
  'Cohen', 'Lévy', 'Amrani', 'Belkacem', 'Chérif', 'El Amrani', 'Ben Salah', 'Aït-Ali', 'Saïdi', 'Keïta',
  'Touré', 'Hamdi', 'Mebarki', "N'Diaye", "N'Guessan", "D'Almeida", "D'Amico", "L'Hôte", 'de la Fontaine', 'de Souza',
  'de Villiers', 'Le Bihan', 'Le Gac', 'Dupont-Moretti', 'Martin-Lavigne', 'Bénard-Roux', 'Lefèvre', 'Hébert', 'Mérieux', 'Crémieux',
  'Géraud', 'Régnier', 'Desprès', 'Leclère', 'Cœur', 'Lœuillet', 'Cœurdevey', 'Maïga', 'Boëlle', 'Lefrançois',
  'Marçais', 'Garçon', 'Brémond', 'Ségur', 'Thérond', 'Pagès', 'Vergès', 'Andrieu', 'Cabanes', 'Escudié',
];

// Half of the family names are built from these parts (southern-French looking, long-tailed), so that
// same-name people are about as rare as in a real school.
const SURNAME_HEADS: readonly string[] = [
  'Lab', 'Cast', 'Bous', 'Mar', 'Faur', 'Pey', 'Lac', 'Sarr', 'Vign', 'Roqu', 'Berg', 'Caz', 'Darr', 'Esp', 'Gal', 'Laf',
  'Mont', 'Puj', 'Sab', 'Tourn', 'Verd', 'Aub', 'Barr', 'Cab', 'Dub', 'Ferr', 'Gin', 'Jou', 'Larr', 'Mass', 'Nad', 'Oll',
  'Rib', 'Sall', 'Teyss', 'Vall', 'Beaum', 'Chab', 'Coust', 'Dard', 'Fourc', 'Gasc', 'Lamb', 'Pell', 'Rouss', 'Sauv', 'Trém', 'Bréh',
];
const SURNAME_TAILS: readonly string[] = [
  'ès', 'ac', 'et', 'ère', 'eau', 'ier', 'on', 'ard', 'ot', 'in', 'ade', 'ou', 'at', 'aud', 'ens', 'and', 'ignac', 'ède',
  'oux', 'elle', 'ayrolles', 'ousse', 'ie', 'ette', 'ignan', 'ail', 'erie', 'é', 'ère-Pons', 'anel',
];

/** A family name: half from the common list, half built (long tail). */
export function familyName(rng: Rng): string {
  return rng.chance(0.5) ? rng.pick(FAMILY_NAMES) : rng.pick(SURNAME_HEADS) + rng.pick(SURNAME_TAILS);
}

/** A family name different from `not`. */
export function otherFamilyName(rng: Rng, not: string): string {
  for (;;) {
    const n = familyName(rng);
    if (n !== not) return n;
  }
}

export const BOY_NAMES: readonly string[] = [
  'Lucas', 'Hugo', 'Louis', 'Gabriel', 'Arthur', 'Jules', 'Adam', 'Raphaël', 'Léo', 'Nathan',
  'Ethan', 'Mathis', 'Théo', 'Noah', 'Tom', 'Maël', 'Timéo', 'Nolan', 'Enzo', 'Sacha',
  'Paul', 'Mathéo', 'Clément', 'Baptiste', 'Maxime', 'Antoine', 'Alexandre', 'Thomas', 'Victor', 'Valentin',
  'Quentin', 'Romain', 'Axel', 'Evan', 'Noé', 'Loïc', 'Yanis', 'Rayan', 'Mohamed', 'Ilyes',
  'Bilal', 'Amine', 'Kylian', 'Titouan', 'Matéo', 'Gaël', 'François', 'Samuel', 'Elias', 'Nino',
  'Marius', 'Côme', 'Eliott', 'Malo', 'Lenny', 'Esteban', 'Martin', 'Robin', 'Simon', 'Tristan',
  'Corentin', 'Pierre', 'Mathias', 'Florian', 'Aaron', 'Joachim', 'Benjamin', 'Ismaël', 'Anis', 'Wassim',
  'Jean-Baptiste', 'Pierre-Louis', 'Marc-Antoine', 'Paul-Émile', 'Jean', 'Mamadou', 'Moussa', 'Lorenzo', 'Diego', 'Noam',
];

export const GIRL_NAMES: readonly string[] = [
  'Emma', 'Jade', 'Louise', 'Alice', 'Chloé', 'Lina', 'Léa', 'Rose', 'Anna', 'Mila',
  'Inès', 'Ambre', 'Julia', 'Mia', 'Léna', 'Manon', 'Juliette', 'Lou', 'Zoé', 'Camille',
  'Sarah', 'Clara', 'Lola', 'Eva', 'Agathe', 'Jeanne', 'Romane', 'Margaux', 'Lucie', 'Nina',
  'Maëlle', 'Maëlys', 'Anaïs', 'Océane', 'Héloïse', 'Noémie', 'Éloïse', 'Clémence', 'Mathilde', 'Charlotte',
  'Pauline', 'Marie', 'Justine', 'Elsa', 'Yasmine', 'Salomé', 'Capucine', 'Apolline', 'Constance', 'Cléa',
  'Zoë', 'Anaëlle', 'Laïa', 'Aïcha', 'Fatoumata', 'Maryam', 'Assia', 'Héléna', 'Ophélie', 'Amélie',
  'Bérénice', 'Maïwenn', 'Nolwenn', 'Loane', 'Célia', 'Flavie', 'Louna', 'Lilou', 'Emy', 'Victoire',
  'Marie-Lou', 'Lou-Anne', 'Anne-Sophie', 'Marie-Ange', 'Lisa', 'Gabrielle', 'Alix', 'Iris', 'Nour', 'Aya',
];

export const MAN_NAMES: readonly string[] = [
  'Stéphane', 'Christophe', 'Frédéric', 'Laurent', 'Nicolas', 'Sébastien', 'Olivier', 'Thierry', 'Éric', 'Pascal',
  'Philippe', 'Jérôme', 'David', 'Cédric', 'Franck', 'Yannick', 'Hervé', 'Fabrice', 'Jean-Pierre', 'Jean-Luc',
  'Jean-Marc', 'Mohamed', 'Karim', 'Rachid', 'Mamadou', 'Hakim', 'Emmanuel', 'Vincent', 'Arnaud', 'Julien',
  'Grégory', 'Ludovic', 'Benoît', 'Joël', 'Gaël', 'Loïc', 'François', 'Didier', 'Patrice', 'Xavier',
  'Guillaume', 'Mickaël', 'Anthony', 'Jean-François', 'Bruno', 'Alain', 'Samir', 'Mehdi', 'Antonio', 'José',
  'Cyril', 'Damien', 'Jérémie', 'Matthieu', 'Raphaël', 'Rémi', 'Sylvain', 'Thomas', 'Yann', 'Alexandre',
  'Fabien', 'Gilles', 'Hugues', 'Jacques', 'Lionel', 'Marc', 'Nordine', 'Pierre-Yves', 'Régis', 'Serge',
  'Abdel', 'Youssef', 'Ousmane', 'Boris', 'Denis', 'Érwan', 'Gaétan', 'Hichem', 'Manuel', 'Vivien',
];

export const WOMAN_NAMES: readonly string[] = [
  'Nathalie', 'Isabelle', 'Sandrine', 'Valérie', 'Sophie', 'Céline', 'Stéphanie', 'Virginie', 'Christelle', 'Karine',
  'Lætitia', 'Émilie', 'Aurélie', 'Delphine', 'Caroline', 'Audrey', 'Hélène', 'Véronique', 'Corinne', 'Nadia',
  'Samira', 'Fatima', 'Aminata', 'Marie-Christine', 'Anne-Laure', 'Marie-Hélène', 'Florence', 'Élodie', 'Séverine', 'Géraldine',
  'Agnès', 'Maryse', 'Béatrice', 'Sylvie', 'Cécile', 'Gaëlle', 'Anne', 'Claire', 'Magali', 'Mélanie',
  'Julie', 'Sonia', 'Leïla', 'Françoise', 'Ingrid', 'Patricia', 'Maria', 'Ana', 'Chantal', 'Marie-Noëlle',
  'Alexandra', 'Bérangère', 'Carole', 'Dorothée', 'Estelle', 'Fanny', 'Gwénaëlle', 'Jessica', 'Katia', 'Laurence',
  'Marion', 'Murielle', 'Nadège', 'Ophélie', 'Rachel', 'Sabrina', 'Sarah', 'Vanessa', 'Yasmina', 'Zohra',
  'Anne-Cécile', 'Bénédicte', 'Coralie', 'Edwige', 'Hélèna', 'Isaure', 'Jacqueline', 'Malika', 'Soizic', 'Ludivine',
];

/** Pairs of given names one letter apart (used for the "not the same person" trap). */
export const NEAR_NAMES: Readonly<Record<'1' | '2', readonly (readonly [string, string])[]>> = {
  '1': [['Mathis', 'Mathys'], ['Lucas', 'Lukas'], ['Noah', 'Noam'], ['Adam', 'Adem'], ['Yanis', 'Yannis'], ['Kylian', 'Kilian']],
  '2': [['Léna', 'Léa'], ['Lina', 'Lila'], ['Clara', 'Klara'], ['Sarah', 'Sara'], ['Jade', 'Jane'], ['Louna', 'Luna']],
};

/** Birth places in France: [INSEE code, weight]. Department = code prefix. */
export const BIRTH_COMMUNES: readonly (readonly [string, number])[] = [
  ['31555', 30], ['31069', 3], ['31149', 3], ['31395', 2], ['31557', 2], ['31044', 1.5], ['31561', 1],
  ['31113', 1], ['31506', 1], ['31446', 1], ['31483', 1], ['82121', 2], ['81004', 1.5], ['81065', 1],
  ['32013', 1], ['09122', 0.5], ['09225', 0.5], ['65440', 1], ['46042', 0.5], ['12202', 0.5], ['11069', 1],
  ['66136', 1], ['34172', 1.5], ['33063', 1.5], ['75114', 2], ['69383', 1], ['13205', 0.7], ['64445', 0.7],
  ['44109', 0.5], ['67482', 0.4], ['59350', 0.4], ['97411', 0.6], ['97209', 0.3],
];

/** Foreign birth countries: [SIECLE CODE_PAYS, cities]. */
export const FOREIGN_BIRTH: readonly (readonly [string, readonly string[]])[] = [
  ['350', ['Casablanca', 'Rabat', 'Marrakech']], ['352', ['Alger', 'Oran', 'Constantine']], ['351', ['Tunis', 'Sfax']],
  ['134', ['Madrid', 'Barcelone', 'Saragosse']], ['139', ['Lisbonne', 'Porto']], ['127', ['Rome', 'Turin']],
  ['109', ['Berlin', 'Munich']], ['132', ['Londres', 'Manchester']], ['341', ['Dakar']], ['335', ['Bamako']],
];

/** Postal addresses around Toulouse: [postcode, LIBELLE_POSTAL, INSEE]. */
export const POSTAL: readonly (readonly [string, string, string])[] = [
  ['31000', 'TOULOUSE', '31555'], ['31100', 'TOULOUSE', '31555'], ['31200', 'TOULOUSE', '31555'], ['31300', 'TOULOUSE', '31555'],
  ['31400', 'TOULOUSE', '31555'], ['31500', 'TOULOUSE', '31555'], ['31130', 'BALMA', '31044'], ['31240', "L'UNION", '31561'],
  ['31170', 'TOURNEFEUILLE', '31557'], ['31770', 'COLOMIERS', '31149'], ['31700', 'BLAGNAC', '31069'],
  ['31520', 'RAMONVILLE-SAINT-AGNE', '31446'], ['31320', 'CASTANET-TOLOSAN', '31113'], ['31650', 'SAINT-ORENS-DE-GAMEVILLE', '31506'],
  ['31140', 'AUCAMVILLE', '31022'], ['31150', 'FENOUILLET', '31182'], ['31120', 'PORTET-SUR-GARONNE', '31433'],
  ['31830', 'PLAISANCE-DU-TOUCH', '31424'],
];

export const STREETS: readonly string[] = [
  'rue de Metz', 'allée Jean-Jaurès', 'avenue de la Gloire', 'rue du Sacré-Cœur', 'impasse des Œillets',
  'chemin de la Côte-Pavée', 'boulevard de Strasbourg', 'rue des Lilas', 'rue Pierre-Paul-Riquet', 'avenue de Lyon',
  'rue Bayard', 'allée des Demoiselles', 'rue de la Concorde', 'avenue Jean-Rieux', 'rue Matabiau', 'route de Narbonne',
  'avenue de Muret', 'rue Saint-Rome', 'chemin des Étroits', 'rue Gabriel-Péri', 'avenue Frédéric-Estèbe',
  'rue des Fontaines', 'chemin de Pouvourville', 'allée de Brienne', "rue d'Aubuisson", 'avenue Crampel',
  'rue du Général-de-Gaulle', 'avenue de Grande-Bretagne', 'rue de la Fonderie', 'chemin de Lestang', 'rue des Pénitents-Blancs',
];

export const ADDRESS_LINE2: readonly string[] = ['Résidence Les Jardins', 'Bâtiment B', 'Appartement 12', 'Résidence Le Clos des Pins', 'Escalier C'];

export const MAIL_DOMAINS: readonly string[] = ['gmail.com', 'orange.fr', 'free.fr', 'laposte.net', 'hotmail.fr', 'sfr.fr', 'yahoo.fr', 'outlook.fr'];

export const COLLEGES: readonly string[] = [
  'MICHELET', 'JEAN MOULIN', 'CLEMENCE ISAURE', 'LAMARTINE', 'BELLEFONTAINE', 'GEORGE SAND', 'ANDRE MALRAUX',
  'JULES FERRY', 'LES CHALETS', 'VAUQUELIN', 'ROSA PARKS', 'FRANCOIS VERDIER',
];

/** SIECLE CODE_PROFESSION values (PCS, 2 digits). */
export const PROFESSIONS: readonly string[] = ['10', '21', '23', '31', '33', '34', '37', '38', '42', '43', '46', '47', '48', '52', '53', '54', '55', '56', '62', '67', '69', '81', '83', '85'];

export const SCHOOL_NAMES: readonly string[] = [
  'Jean-Jaurès', 'Marie-Curie', 'Victor-Hugo', 'Olympe-de-Gouges', 'Simone-Veil', 'Camille-Claudel',
  'Déodat-de-Séverac', 'Antoine-de-Saint-Exupéry', 'Rosa-Parks', 'Françoise-Dolto', 'Paul-Éluard', 'Germaine-Tillion',
];

export interface Subject {
  key: string;
  code: string; // 6-digit CODE_MATIERE
  gestion: string; // CODE_GESTION
  court: string; // LIBELLE_COURT
  long: string; // LIBELLE_LONG
  disc: string; // teacher discipline (STS DISCIPLINE@CODE)
  hours: number; // weekly hours of one service
}

function subject(key: string, code: string, gestion: string, court: string, long: string, disc: string, hours: number): Subject {
  return { key, code, gestion, court, long, disc, hours };
}

export const SUBJECTS: Readonly<Record<string, Subject>> = Object.fromEntries([
  subject('FRANC', '020100', 'FRANC', 'FRANCAIS', 'FRANCAIS', 'L0202', 4),
  subject('LATIN', '020700', 'LCALA', 'LCA LATIN', "LANGUES ET CULTURES DE L'ANTIQUITE LATIN", 'L0201', 3),
  subject('PHILO', '010100', 'PHILO', 'PHILOSOPHIE', 'PHILOSOPHIE', 'L0100', 4),
  subject('HIGEO', '040300', 'HIGEO', 'HISTOIRE-GEOGRAPHIE', 'HISTOIRE-GEOGRAPHIE', 'L1000', 3),
  subject('EMC', '043100', 'EMC', 'ENS. MORAL & CIVIQUE', 'ENSEIGNEMENT MORAL ET CIVIQUE', 'L1000', 0.5),
  subject('AGL1', '030201', 'AGL1', 'ANGLAIS LV1', 'ANGLAIS LV1', 'L0422', 3),
  subject('ESP2', '030602', 'ESP2', 'ESPAGNOL LV2', 'ESPAGNOL LV2', 'L0426', 2.5),
  subject('ALL2', '030102', 'ALL2', 'ALLEMAND LV2', 'ALLEMAND LV2', 'L0421', 2.5),
  subject('ITA2', '030802', 'ITA2', 'ITALIEN LV2', 'ITALIEN LV2', 'L0429', 2.5),
  subject('POR2', '031302', 'POR2', 'PORTUGAIS LV2', 'PORTUGAIS LV2', 'L0433', 2.5),
  subject('MATHS', '061300', 'MATHS', 'MATHEMATIQUES', 'MATHEMATIQUES', 'L1300', 4),
  subject('PHCH', '063100', 'PH-CH', 'PHYSIQUE-CHIMIE', 'PHYSIQUE-CHIMIE', 'L1500', 3),
  subject('SVT', '062900', 'SVT', 'SCIENCES VIE & TERRE', 'SCIENCES DE LA VIE ET DE LA TERRE', 'L1600', 1.5),
  subject('SES', '076700', 'SES', 'SC. ECONO.& SOCIALES', 'SCIENCES ECONOMIQUES ET SOCIALES', 'L1100', 1.5),
  subject('SNT', '071200', 'SNT', 'SC. NUMERIQ.TECHNOL.', 'SCIENCES NUMERIQUES ET TECHNOLOGIE', 'L1300', 1.5),
  subject('EPS', '100100', 'EPS', 'ED.PHYSIQUE & SPORT.', 'EDUCATION PHYSIQUE ET SPORTIVE', 'L1900', 2),
  subject('ENSSC', '063500', 'ENSSC', 'ENSEIGN.SCIENTIFIQUE', 'ENSEIGNEMENT SCIENTIFIQUE', 'L1500', 2),
  subject('SPMA', '061310', 'SPMAT', 'SPE MATHEMATIQUES', 'MATHEMATIQUES (SPECIALITE)', 'L1300', 4),
  subject('SPPC', '063110', 'SPPC', 'SPE PHYSIQUE-CHIMIE', 'PHYSIQUE-CHIMIE (SPECIALITE)', 'L1500', 4),
  subject('SPSVT', '062910', 'SPSVT', 'SPE SVT', 'SCIENCES DE LA VIE ET DE LA TERRE (SPECIALITE)', 'L1600', 4),
  subject('SPSES', '076710', 'SPSES', 'SPE SES', 'SCIENCES ECONOMIQUES ET SOCIALES (SPECIALITE)', 'L1100', 4),
  subject('HGGSP', '043600', 'HGGSP', 'HIST.GEO.GEOPOL.S.P.', 'HISTOIRE-GEOGRAPHIE, GEOPOLITIQUE ET SCIENCES POLITIQUES', 'L1000', 4),
  subject('HLP', '013900', 'HLP', 'HUMANITES LIT. PHILO', 'HUMANITES, LITTERATURE ET PHILOSOPHIE', 'L0100', 4),
  subject('LLCER', '030220', 'LLCAG', 'LLCER ANGLAIS', 'LANGUES, LITTERATURES ET CULTURES ETRANGERES ANGLAIS', 'L0422', 4),
  subject('NSI', '071300', 'NSI', 'NUMERIQUE SC.INFORM.', 'NUMERIQUE ET SCIENCES INFORMATIQUES', 'L1300', 4),
  subject('SI', '071100', 'SI', 'SCIENCES INGENIEUR', "SCIENCES DE L'INGENIEUR", 'L1400', 4),
  subject('MCOMP', '061350', 'MCOMP', 'MATHS COMPLEMENT.', 'MATHEMATIQUES COMPLEMENTAIRES', 'L1300', 3),
  subject('MEXP', '061360', 'MEXP', 'MATHS EXPERTES', 'MATHEMATIQUES EXPERTES', 'L1300', 3),
  subject('DGEMC', '043700', 'DGEMC', 'DROIT GRANDS ENJEUX', 'DROIT ET GRANDS ENJEUX DU MONDE CONTEMPORAIN', 'L1000', 3),
  subject('SGN', '085100', 'SGN', 'SC.GESTION NUMERIQUE', 'SCIENCES DE GESTION ET NUMERIQUE', 'L8011', 7),
  subject('MANAG', '085200', 'MANAG', 'MANAGEMENT', 'MANAGEMENT', 'L8011', 4),
  subject('DRECO', '085300', 'DRECO', 'DROIT ET ECONOMIE', 'DROIT ET ECONOMIE', 'L8012', 4),
  subject('MSGN', '085400', 'MSGN', 'MANAG.SC.GEST.NUM.', 'MANAGEMENT, SCIENCES DE GESTION ET NUMERIQUE', 'L8011', 10),
].map((s) => [s.key, s]));

export const DISCIPLINES: Readonly<Record<string, string>> = {
  L0100: 'PHILOSOPHIE', L0201: 'LETTRES CLASSIQUES', L0202: 'LETTRES MODERNES', L0421: 'ALLEMAND', L0422: 'ANGLAIS',
  L0426: 'ESPAGNOL', L0429: 'ITALIEN', L0433: 'PORTUGAIS', L1000: 'HISTOIRE GEOGRAPHIE', L1100: 'SC. ECONOMIQUES ET SOCIALES',
  L1300: 'MATHEMATIQUES', L1400: 'TECHNOLOGIE', L1500: 'PHYSIQUE CHIMIE', L1600: 'SC. VIE ET TERRE', L1900: 'EPS',
  L8011: 'ECO.GEST.OPT.FINANCE', L8012: 'ECO.GEST.OPT.MARKETING', L0080: 'DOCUMENTATION',
};

export type LevelKey = '2NDE' | '1G' | '1STMG' | 'TG' | 'TSTMG';

export interface Level {
  key: LevelKey;
  grade: '2' | '1' | 'T';
  year: 0 | 1 | 2; // years since entering 2nde
  mef: string;
  formation: string;
  label: string;
  general: boolean;
  classSubjects: readonly string[];
}

export const LEVELS: readonly Level[] = [
  { key: '2NDE', grade: '2', year: 0, mef: '20010018110', formation: '2NDE GT', label: '2NDE GENERALE & TECHNOLOGIQUE', general: true,
    classSubjects: ['FRANC', 'MATHS', 'HIGEO', 'AGL1', 'PHCH', 'SVT', 'SES', 'SNT', 'EPS', 'EMC'] },
  { key: '1G', grade: '1', year: 1, mef: '20111019110', formation: '1ERE G', label: 'PREMIERE GENERALE', general: true,
    classSubjects: ['FRANC', 'HIGEO', 'AGL1', 'ENSSC', 'EPS', 'EMC'] },
  { key: '1STMG', grade: '1', year: 1, mef: '21131019110', formation: '1ERE STMG', label: 'PREMIERE STMG', general: false,
    classSubjects: ['FRANC', 'HIGEO', 'AGL1', 'MATHS', 'SGN', 'MANAG', 'DRECO', 'EPS', 'EMC'] },
  { key: 'TG', grade: 'T', year: 2, mef: '20211019110', formation: 'TLE G', label: 'TERMINALE GENERALE', general: true,
    classSubjects: ['PHILO', 'HIGEO', 'AGL1', 'ENSSC', 'EPS', 'EMC'] },
  { key: 'TSTMG', grade: 'T', year: 2, mef: '21231019110', formation: 'TLE STMG', label: 'TERMINALE STMG', general: false,
    classSubjects: ['PHILO', 'HIGEO', 'AGL1', 'MATHS', 'MSGN', 'DRECO', 'EPS', 'EMC'] },
];

/** LV2 choices and weights. */
export const LV2: readonly (readonly [string, number])[] = [['ESP2', 62], ['ALL2', 20], ['ITA2', 12], ['POR2', 6]];

/** Specialities of the general track (1re: 3, Tle: 2) with choice weights. */
export const SPECIALITIES: readonly (readonly [string, number])[] = [
  ['SPMA', 68], ['SPPC', 45], ['SPSES', 42], ['SPSVT', 40], ['HGGSP', 32], ['LLCER', 20], ['HLP', 14], ['NSI', 12], ['SI', 5],
];

/**
 * Group naming: candidate templates tried in order until every code of the family fits the STS rule
 * (≤ 8 characters among letters, digits, space, '-' and '_'). `{n}` = number, `{a}` = letter (A..Z).
 */
export const GROUP_NAMES: Readonly<Record<string, readonly string[]>> = {
  ESP2: ['{g}ESP{n}', '{g}ES{n}'], ALL2: ['{g}ALL{n}', '{g}AL{n}'], ITA2: ['{g}ITA{n}', '{g}IT{n}'], POR2: ['{g}POR{n}', '{g}PO{n}'],
  'ESP2/T': ['TESP_{n}', 'TES{n}'], 'ALL2/T': ['TALL_{n}', 'TAL{n}'], 'ITA2/T': ['TITA_{n}', 'TIT{n}'], 'POR2/T': ['TPOR_{n}', 'TPO{n}'],
  'SPMA/1': ['1SPE-MA{n}', '1MAT-{n}', '1MA{n}'], 'SPPC/1': ['1SPE-PC{n}', '1PC-{n}', '1PC{n}'], 'SPSVT/1': ['1SPE-SV{n}', '1SVT-{n}', '1SV{n}'],
  'SPSES/1': ['1SPE-SE{n}', '1SES-{n}', '1SE{n}'], 'HGGSP/1': ['1SPE-HG{n}', '1HGG-{n}', '1HG{n}'], 'HLP/1': ['1SPE-HL{n}', '1HLP-{n}', '1HL{n}'],
  'LLCER/1': ['1SPE-LL{n}', '1LLC-{n}', '1LL{n}'], 'NSI/1': ['1SPE-NS{n}', '1NSI-{n}', '1NS{n}'], 'SI/1': ['1SPE-SI{n}', '1SI-{n}', '1SI{n}'],
  'SPMA/T': ['TMATH_{a}', 'TMATH_{n}', 'TMA{n}'], 'SPPC/T': ['TPC_{a}', 'TPC_{n}', 'TPC{n}'], 'SPSVT/T': ['TSVT_{a}', 'TSVT_{n}', 'TSV{n}'],
  'SPSES/T': ['TSES_{a}', 'TSES_{n}', 'TSE{n}'], 'HGGSP/T': ['THGGS_{a}', 'THGG_{n}', 'THG{n}'], 'HLP/T': ['THLP_{a}', 'THLP_{n}', 'THL{n}'],
  'LLCER/T': ['TLLCE_{a}', 'TLLC_{n}', 'TLL{n}'], 'NSI/T': ['TNSI_{a}', 'TNSI_{n}', 'TNS{n}'], 'SI/T': ['TSI_{a}', 'TSI_{n}', 'TSI{n}'],
  LATIN: ['{g}LAT {n}', '{g}LA{n}'], MEXP: ['TMXP_{n}', 'TMX{n}'], MCOMP: ['TMC_{n}', 'TMC{n}'], DGEMC: ['TDGEMC{n}', 'TDGE_{n}', 'TDG{n}'],
};

/** Group codes that break the STS rule (too long, or forbidden characters), as EDT users type them. */
export const INVALID_GROUP_NAMES: readonly string[] = ['1ARA1STMG', '2LAT/GRC', 'TSPE.MATH', '1THEATRE1', 'TMATH(C)', '2CINE-AV1', '1EURO+AGL', 'TCHINOIS3'];

/** Valid-looking group codes that exist in SIECLE but not in STS (made in SIECLE by hand, or left over). */
/** SIECLE-only groups: valid STS names, and a long one made in SIECLE (a code SIECLE accepts, never sent to STS-web). */
export const UNKNOWN_GROUP_NAMES: readonly string[] = ['2AP1', '1SPE HGGSP GROUPE 2', '1AP-GR2', 'TAP_3', '2CHORALE', '1OPTEPS', 'TGREC1', '2THEA1', '1CINE2', 'TARTS1', '2SECT-EU'];

/** RNE/UAI check letter: 7-digit number modulo 23. */
export function uaiWithKey(digits7: string): string {
  return digits7 + 'ABCDEFGHJKLMNPRSTUVWXYZ'.charAt(Number(digits7) % 23);
}
