// The demo form: the page's own behaviour (rows, blocks shown by choice),
// then one call to attachForm. Every check comes from ldm-reseau.
import { init, attachForm } from '/pkg/form.js';

const CRITERIA = [
  ['c1', "Une offre de formations professionnelles construite autour d'un ensemble de métiers et de parcours"],
  ['c2', 'Des publics de statuts différents : élèves, apprentis, adultes, étudiants'],
  ['c3', 'Des réponses pédagogiques et des parcours adaptés'],
  ['c4', 'Des partenariats actifs avec le monde économique et les acteurs locaux'],
  ['c5', 'Des actions culturelles et éducatives'],
  ['c6', "L'ouverture à l'international"],
  ['c7', 'La prévention du décrochage et le retour en formation'],
  ['c8', 'Une politique de communication active'],
];

const form = document.getElementById('demande');
const rows = document.getElementById('membres');
const template = document.getElementById('modele-membre');
let nextRow = 0;

function addRow() {
  const row = template.content.firstElementChild.cloneNode(true);
  const n = ++nextRow;
  for (const input of row.querySelectorAll('[data-id]')) input.id = `membre-${n}-${input.dataset.id}`;
  for (const label of row.querySelectorAll('[data-for]')) label.htmlFor = `membre-${n}-${label.dataset.for}`;
  row.querySelector('.ldm-remove').addEventListener('click', () => {
    row.remove();
    numberRows();
  });
  rows.append(row);
  numberRows();
  return row;
}

function numberRows() {
  rows.querySelectorAll('.ldm-member__legend').forEach((legend, i) => {
    legend.textContent = `Établissement n° ${i + 1}`;
  });
}

function addCriteria() {
  const box = document.getElementById('actions');
  for (const [id, label] of CRITERIA) {
    const group = document.createElement('div');
    group.className = 'fr-input-group';
    const l = document.createElement('label');
    l.className = 'fr-label';
    l.htmlFor = `action-${id}`;
    l.textContent = `${id.toUpperCase()} — ${label}`;
    const area = document.createElement('textarea');
    area.className = 'fr-input';
    area.id = `action-${id}`;
    area.name = `jointActions.${id}`;
    area.rows = 3;
    area.dataset.ldm = `jointActions.${id}`;
    group.append(l, area);
    box.append(group);
  }
}

function showBlocks() {
  const scope = form.querySelector('[name="scope.type"]:checked')?.value;
  document.getElementById('bloc-filieres').hidden = scope !== 'sector';
  document.getElementById('bloc-territoire').hidden = scope !== 'geographic';
  document.getElementById('reseau-existant').hidden = form.querySelector('[name=kind]:checked')?.value !== 'join';
}

addCriteria();
addRow();
addRow();
showBlocks();
form.addEventListener('change', showBlocks);
document.getElementById('ajouter').addEventListener('click', () => addRow().querySelector('input').focus());

await init();
window.ldmForm = attachForm(form);
document.documentElement.dataset.ldmReady = 'true';
