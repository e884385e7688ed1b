// The benchmark's requests: 3 and 20 members, valid and invalid. Built from
// real UAIs of Moselle (tests/data/uai-real.tsv), campaign 2026.
const UAIS = ['0570099Y', '0570031Z', '0570088L', '0570109J', '0570179K', '0570234V'];

const ACTIONS = {
  c1: 'Offre de formation coordonnée sur le département, du CAP au BTS.',
  c2: 'Publics mixés : élèves, apprentis, adultes en formation continue.',
  c3: 'Passerelles et parcours partagés entre les lycées du réseau.',
  c4: 'Partenariats avec les entreprises et les collectivités mosellanes.',
  c5: 'Semaine culturelle commune et projets artistiques partagés.',
  c6: 'Échanges transfrontaliers avec la Sarre et mobilités Erasmus+.',
  c7: 'Dispositif commun de prévention du décrochage scolaire.',
  c8: 'Communication commune : site, réseaux sociaux, portes ouvertes.',
};

function request(n) {
  return {
    kind: 'new',
    title: 'Lycée(s) des métiers en réseau de Moselle',
    scope: { type: 'geographic', territory: { level: 'departement', code: '57', name: 'Moselle' } },
    campusAvailable: false,
    campaignYear: 2026,
    members: Array.from({ length: n }, (_, i) => ({
      uai: UAIS[i % UAIS.length],
      name: `Lycée professionnel n° ${i + 1}`,
      label: { status: 'labelled', lastDecisionYear: 2023 + (i % 3) },
    })),
    jointActions: { ...ACTIONS },
  };
}

/** A request with a typical handful of mistakes: title, a UAI, a year, an action. */
function invalid(n) {
  const r = request(n);
  r.title = 'Lycées des metiers en reseau de Moselle';
  r.members[0].uai = '0570099X';
  r.members[n - 1].label.lastDecisionYear = 2019;
  r.jointActions.c5 = 'à compléter';
  return r;
}

export function inputs() {
  return {
    '3 members, valid': request(3),
    '3 members, invalid': invalid(3),
    '20 members, valid': request(20),
    '20 members, invalid': invalid(20),
  };
}
