// The table-shaped academy form (www/table.html): the page's own behaviour
// (rows added from a template, its own submit handler), then one call to
// attachForm. Every check comes from ldm-reseau.
//
// Variants, for the binding's tests and as examples:
//   ?variant=select     the common filières as a <select multiple>, not checkboxes
//   ?variant=selectors  no data-ldm attribute at all: a selector map in the options
//   ?lang=en            the binding's words in English
//   ?today=YYYY-MM-DD   the date the rules count from
import { init, attachForm } from '/pkg/form.js';

const CRITERIA = [
  "Une offre de formations professionnelles construite autour d'un ensemble de métiers",
  'Des publics de statuts différents : élèves, apprentis, adultes, étudiants',
  'Des réponses pédagogiques et des parcours adaptés',
  'Des partenariats actifs avec le monde économique et les acteurs locaux',
  'Des actions culturelles et éducatives',
  "L'ouverture à l'international",
  'La prévention du décrochage et le retour en formation',
  'Une politique de communication active',
];

const params = new URLSearchParams(location.search);
const variant = params.get('variant') ?? 'checkboxes';
const form = document.getElementById('dossier');
const body = document.getElementById('lignes');
const template = document.getElementById('modele-ligne');
let made = 0;

// One field for the common filières: checkboxes, or a multiple select.
document.getElementById(variant === 'select' ? 'filieres' : 'filieres-liste').remove();

// The selectors-only variant: the same markup without any data-ldm
// attribute, as a form that cannot be marked up; the map below binds it.
const selectors = {
  title: '#intitule',
  'scope.type': '[name=perimetre]',
  'scope.sectors': '[name=filiere]',
  'scope.territory.level': '[name=niveau]',
  'scope.territory.code': '#departement',
  campusAvailable: '#cmq',
  members: 'tr.etablissement',
  'members.uai': '.uai',
  'members.name': '.nom',
  'members.label.status': '.statut',
  'members.label.lastDecisionYear': '.annee',
  'members.label.sectors': '.filieres-label input',
};
if (variant === 'selectors') {
  for (const root of [form, template.content]) {
    for (const el of root.querySelectorAll('[data-ldm], [data-ldm-member]')) {
      el.removeAttribute('data-ldm');
      el.removeAttribute('data-ldm-member');
    }
  }
}

function addCriteria() {
  const box = document.getElementById('actions');
  CRITERIA.forEach((text, i) => {
    const id = `c${i + 1}`;
    const div = document.createElement('div');
    div.className = 'champ';
    const label = document.createElement('label');
    label.htmlFor = `action-${id}`;
    label.textContent = `${id.toUpperCase()} — ${text}`;
    const area = document.createElement('textarea');
    area.id = `action-${id}`;
    area.name = `action-${id}`;
    area.rows = 2;
    if (variant !== 'selectors') area.dataset.ldm = `jointActions.${id}`;
    selectors[`jointActions.${id}`] = `#action-${id}`;
    div.append(label, area);
    box.append(div);
  });
}

// Each row's controls are named after its place (« UAI, établissement n° 2 »).
function numberRows() {
  body.querySelectorAll('tr.etablissement').forEach((tr, i) => {
    const n = i + 1;
    tr.querySelector('.uai').setAttribute('aria-label', `UAI, établissement n° ${n}`);
    tr.querySelector('.nom').setAttribute('aria-label', `Nom de l'établissement n° ${n}`);
    tr.querySelector('.statut').setAttribute('aria-label', `Situation au regard du label, établissement n° ${n}`);
    tr.querySelector('.annee').setAttribute('aria-label', `Année du label, établissement n° ${n}`);
    tr.querySelector('.filieres-label').setAttribute('aria-label', `Filières du label, établissement n° ${n}`);
    tr.querySelector('.retirer').setAttribute('aria-label', `Retirer l'établissement n° ${n}`);
  });
}

function addRow() {
  const tr = template.content.firstElementChild.cloneNode(true);
  const n = ++made;
  for (const box of tr.querySelectorAll('.filieres-label input')) box.name = `filieres-${n}[]`;
  tr.querySelector('.retirer').addEventListener('click', () => {
    tr.remove();
    numberRows();
  });
  body.append(tr);
  numberRows();
  return tr;
}

addCriteria();
addRow();
addRow();
document.getElementById('ajouter').addEventListener('click', () => addRow().querySelector('input').focus());

// The page's own submit handler: the academy's script, which the binding
// lets run once the request has no error.
const statut = document.getElementById('statut');
window.hostSubmits = [];
form.addEventListener('submit', (e) => {
  e.preventDefault();
  const data = new FormData(form);
  const sent = {
    intitule: data.get('intitule'),
    correspondant: data.get('correspondant'),
    filieres: data.getAll('filiere'),
    uai: data.getAll('uai[]'),
  };
  window.hostSubmits.push(sent);
  statut.textContent = `Dossier prêt à être déposé : ${sent.uai.length} établissements, correspondant ${sent.correspondant}.`;
});

const options = {};
if (params.get('lang') === 'en') options.lang = 'en';
if (params.get('today')) options.today = params.get('today');
if (variant === 'selectors') options.selectors = selectors;

await init();
window.ldmSelectors = options.selectors;
window.ldmForm = attachForm(form, options);
document.documentElement.dataset.ldmReady = 'true';
