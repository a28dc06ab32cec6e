/**
 * The form of a criteria set: its fields, their criteria, and per criterion its inputs (labels and
 * units of the set, in the page's language), the rule in a sentence, the documents that prove it
 * (number, date, title), the explanation box and the unit's own claim. Every control says which part of
 * the form state it edits (`data-bind`); one listener on the form writes it back (see officer.ts).
 */
import type { CompiledNode, CompiledSet } from '@parindex/engine';
import { formatDate, inputHelp, LOCALES, pageWords, type Explainer, type PageWords, type UnitLevel } from '@parindex/explain';
import { UNIT_LEVELS, type DocumentReq, type InputDef } from '@parindex/rules';
import { h, type Child } from './dom.js';
import { controlId, docKey, type FormState } from './model.js';

/**
 * A date box: text, written as the language writes dates (dd/mm/yyyy in Vietnamese, YYYY-MM-DD in
 * English) whatever the browser's own locale; dd/mm/yyyy is read in both (model.ts, dateValue).
 */
function dateInput(props: Record<string, string>, value: string, lang: 'vi' | 'en'): HTMLInputElement {
  const shown = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value) ? formatDate(value, lang) : value;
  return h('input', { ...props, type: 'text', inputmode: 'numeric', autocomplete: 'off', placeholder: pageWords(lang).datePlaceholder, value: shown });
}

/** A message slot under a control, filled with its diagnostics after each scoring. */
const msg = (id: string) => h('span', { class: 'msg', id: `msg-${id}`, 'aria-live': 'polite' });

function control(def: InputDef, ex: Explainer, s: FormState): Child {
  const id = controlId.input(def.id);
  const value = s.values[def.id] ?? '';
  const common = { id, name: id, 'data-bind': `v:${def.id}`, 'aria-describedby': `msg-${id}` };
  if (def.type === 'boolean' || def.type === 'level') {
    const options =
      def.type === 'boolean'
        ? [
            // The words the workbook's drop-down shows ("Có", "Không"): one spelling wherever an officer picks.
            { id: 'true', text: LOCALES[ex.lang].workbook.yesNo.yes },
            { id: 'false', text: LOCALES[ex.lang].workbook.yesNo.no },
          ]
        : (def.options ?? []).map((o) => ({ id: o.id, text: ex.say.option(def.id, o.id) }));
    return h(
      'select',
      common,
      h('option', { value: '' }, `— ${ex.word('notGiven')} —`),
      options.map((o) => h('option', { value: o.id, selected: o.id === value }, o.text)),
    );
  }
  if (def.type === 'date') return dateInput(common, value, ex.lang);
  if (def.type === 'tally')
    return h(
      'span',
      { class: 'tally', role: 'group', 'aria-label': ex.say.input(def.id).label, id },
      (def.options ?? []).map((o) => {
        const tid = controlId.tally(def.id, o.id);
        return h(
          'span',
          { class: 'tally-option' },
          h('label', { for: tid }, ex.say.option(def.id, o.id)),
          h('input', {
            id: tid,
            name: tid,
            type: 'text',
            inputmode: 'numeric',
            autocomplete: 'off',
            value: s.values[`${def.id}.${o.id}`] ?? '',
            'data-bind': `v:${def.id}.${o.id}`,
            'aria-describedby': `msg-${id}`,
          }),
        );
      }),
    );
  const mode = def.type === 'count' ? 'numeric' : 'decimal';
  return h('input', { ...common, type: 'text', inputmode: mode, autocomplete: 'off', value });
}

/** One input: its label, control, unit, help and message slot. */
function inputRow(def: InputDef, ex: Explainer, s: FormState): HTMLElement {
  const words = ex.say.input(def.id);
  const id = controlId.input(def.id);
  const unit = def.type === 'tally' || def.type === 'boolean' || def.type === 'level' || def.type === 'date' ? undefined : words.unit;
  const optional = def.required === false ? ` (${ex.word('optional')})` : '';
  const help = inputHelp(def, ex.lang);
  return h(
    'div',
    { class: 'input' },
    def.type === 'tally' ? h('span', { class: 'label' }, words.label + optional) : h('label', { for: id }, words.label + optional),
    h('span', { class: 'control' }, control(def, ex, s), unit ? h('span', { class: 'unit' }, unit) : null),
    help ? h('small', { class: 'help' }, help) : null,
    msg(id),
  );
}

function documentBox(node: CompiledNode, d: DocumentReq, ex: Explainer, w: PageWords, s: FormState): HTMLElement {
  const slot = s.documents[docKey(node.code, d.id)];
  const kind = ex.pick(d.kind, d.kindEn);
  const part = (p: 'number' | 'date' | 'title', label: string) => {
    const id = controlId.document(node.code, d.id, p);
    const props = { id, name: id, 'data-bind': `d:${docKey(node.code, d.id)}:${p}`, 'aria-describedby': `msg-${id}` };
    const value = slot?.[p] ?? '';
    return h(
      'span',
      { class: `doc-${p}` },
      h('label', { for: id }, label),
      p === 'date' ? dateInput(props, value, ex.lang) : h('input', { ...props, type: 'text', value, autocomplete: 'off' }),
      msg(id),
    );
  };
  return h(
    'fieldset',
    { class: 'document' },
    h('legend', null, `${kind}: ${ex.say.document(node.code, d.id)}${d.required === false ? ` (${ex.word('optional')})` : ''}`),
    part('number', w.documentNumber),
    part('date', w.documentDate),
    part('title', w.documentTitle),
  );
}

function textBox(id: string, label: string, bind: string, value: string, hint: string | undefined, multiline: boolean): HTMLElement {
  const props = { id, name: id, 'data-bind': bind, 'aria-describedby': `msg-${id}`, value };
  return h(
    'div',
    { class: multiline ? 'input wide' : 'input' },
    h('label', { for: id }, label),
    multiline ? h('textarea', { ...props, rows: 2 }) : h('input', { ...props, type: 'text', inputmode: 'decimal', autocomplete: 'off' }),
    hint ? h('small', { class: 'help' }, hint) : null,
    msg(id),
  );
}

/** One criterion: heading with its live points, the rule in a sentence, its inputs, documents, explanation and claim. */
function leafBox(compiled: CompiledSet, node: CompiledNode, ex: Explainer, w: PageWords, s: FormState): HTMLElement {
  const title = ex.pick(node.node.title, node.node.titleEn);
  const reason = ex.say.applicabilityReason(node.code);
  return h(
    'fieldset',
    { class: 'leaf', id: `crit-${node.code}` },
    h('legend', null, h('span', { class: 'code' }, node.code), ` ${title} `, h('output', { class: 'pts', id: `pts-${node.code}`, for: node.ownInputs.map(controlId.input).join(' ') })),
    h('p', { class: 'rule' }, ex.rule(node)),
    reason ? h('p', { class: 'applicability' }, ex.phrases.mayNotApply(reason)) : null,
    node.ownInputs.map((id) => inputRow(compiled.inputs.get(id)!.def, ex, s)),
    node.documents.map((d) => documentBox(node, d, ex, w, s)),
    node.documents.length ? textBox(controlId.explanation(node.code), ex.word('explanationLabel'), `e:${node.code}`, s.explanations[node.code] ?? '', w.explanationHint, true) : null,
    textBox(controlId.claimed(node.code), w.claimed, `c:${node.code}`, s.claimed[node.code] ?? '', undefined, false),
  );
}

function nodeBox(compiled: CompiledSet, node: CompiledNode, ex: Explainer, w: PageWords, s: FormState): HTMLElement {
  if (node.isLeaf) return leafBox(compiled, node, ex, w, s);
  return h(
    'fieldset',
    { class: 'group', id: `crit-${node.code}` },
    h('legend', null, h('span', { class: 'code' }, node.code), ` ${ex.pick(node.node.title, node.node.titleEn)} `, h('output', { class: 'pts', id: `pts-${node.code}` })),
    node.children.map((c) => nodeBox(compiled, c, ex, w, s)),
  );
}

function unitBox(compiled: CompiledSet, w: PageWords, s: FormState): HTMLElement {
  const levels: readonly UnitLevel[] = compiled.set.unitLevels ?? UNIT_LEVELS;
  const field = (part: 'code' | 'name' | 'province', label: string) => {
    const id = controlId.unit(part);
    return h(
      'div',
      { class: 'input' },
      h('label', { for: id }, label),
      h('input', { id, name: id, type: 'text', value: s.unit[part], 'data-bind': `u:${part}`, 'aria-describedby': `msg-${id}` }),
      msg(id),
    );
  };
  const lid = controlId.unit('level');
  return h(
    'fieldset',
    { class: 'unit-box' },
    h('legend', null, w.unitHeading),
    field('code', w.unitCode),
    field('name', w.unitName),
    h(
      'div',
      { class: 'input' },
      h('label', { for: lid }, w.unitLevel),
      h(
        'select',
        { id: lid, name: lid, 'data-bind': 'u:level', 'aria-describedby': `msg-${lid}` },
        levels.map((l) => h('option', { value: l, selected: l === s.unit.level }, w.levels[l] ?? l)),
      ),
      msg(lid),
    ),
    field('province', w.unitProvince),
  );
}

/** The whole form of a set, filled from the state. */
export function buildForm(compiled: CompiledSet, ex: Explainer, w: PageWords, s: FormState): HTMLFormElement {
  const set = compiled.set;
  const shared = set.inputs ?? [];
  const block = (b: NonNullable<typeof set.bonus>, nodes: readonly CompiledNode[], id: string) =>
    h(
      'section',
      { class: 'field', id },
      h('h2', null, ex.phrases.blockHeading(ex.pick(b.title, b.titleEn), ex.say.pts(b.max))),
      nodes.map((n) => nodeBox(compiled, n, ex, w, s)),
    );
  return h(
    'form',
    { class: 'evidence-form', id: 'evidence-form', novalidate: true, 'aria-label': ex.pick(set.title, set.titleEn) },
    unitBox(compiled, w, s),
    shared.length
      ? h(
          'section',
          { class: 'field' },
          h('h2', null, w.sharedInputs),
          shared.map((d) => inputRow(d, ex, s)),
        )
      : null,
    compiled.fields.map((f) =>
      h(
        'section',
        { class: 'field', id: `field-${f.code}` },
        h('h2', null, `${f.code}. ${ex.pick(f.node.title, f.node.titleEn)} (${ex.say.pts(f.maxText)})`),
        f.isLeaf ? leafBox(compiled, f, ex, w, s) : f.children.map((c) => nodeBox(compiled, c, ex, w, s)),
      ),
    ),
    set.bonus ? block(set.bonus, compiled.bonus, 'block-bonus') : null,
    set.penalty ? block(set.penalty, compiled.penalty, 'block-penalty') : null,
  );
}

/** Write a control's value into the state, as its `data-bind` says. Returns false for a control that binds nothing. */
export function bindValue(s: FormState, el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): boolean {
  const bind = el.dataset.bind;
  if (!bind) return false;
  const kind = bind.slice(0, 1);
  const key = bind.slice(2);
  if (kind === 'v') s.values[key] = el.value;
  else if (kind === 'e') s.explanations[key] = el.value;
  else if (kind === 'c') s.claimed[key] = el.value;
  else if (kind === 'u') s.unit[key as 'code'] = el.value;
  else if (kind === 'd') {
    const cut = key.lastIndexOf(':');
    const slot = (s.documents[key.slice(0, cut)] ??= { number: '', date: '', title: '', rest: {} });
    slot[key.slice(cut + 1) as 'number'] = el.value;
  } else return false;
  return true;
}
