/**
 * The page: a header (title, the three views, the language), and the chosen view below it. Every view
 * is drawn from its state; switching the language or the view draws the page again, the states stay.
 * The language, the view and the set are remembered in this browser.
 */
import { pageWords, type Lang, type PageView } from '@parindex/explain';
import { appraiserView, type AppraiserState } from './appraiser.js';
import { BUNDLED_SETS } from './bundled-sets.js';
import type { PageContext } from './context.js';
import { fill, h } from './dom.js';
import { storage } from './files.js';
import { officerView, type OfficerState } from './officer.js';
import { provinceView, type ProvinceState } from './province.js';
import { SetStore } from './sets.js';

const PREFS = 'parindex.web.prefs';
const VIEWS: readonly PageView[] = ['officer', 'appraiser', 'province'];

interface Prefs {
  lang: Lang;
  view: PageView;
  ref: string;
}

function readPrefs(sets: SetStore): Prefs {
  const fallback: Prefs = { lang: 'vi', view: 'officer', ref: sets.choices.find((c) => c.ref.startsWith('model.commune-par@'))?.ref ?? sets.choices[0]?.ref ?? '' };
  try {
    const p = JSON.parse(storage.get(PREFS) ?? '{}') as Partial<Prefs>;
    return {
      lang: p.lang === 'en' ? 'en' : 'vi',
      view: VIEWS.includes(p.view as PageView) ? (p.view as PageView) : 'officer',
      ref: typeof p.ref === 'string' && sets.has(p.ref) ? p.ref : fallback.ref,
    };
  } catch {
    return fallback;
  }
}

function start(root: HTMLElement): void {
  const sets = new SetStore(BUNDLED_SETS);
  const prefs = readPrefs(sets);
  const officer: OfficerState = { ref: prefs.ref, form: undefined, open: new Set(), notice: '', fileProblems: [] };
  const appraiser: AppraiserState = { evidence: undefined, appraisal: undefined };
  const province: ProvinceState = { files: [] };
  let lang = prefs.lang;
  let view = prefs.view;
  const render = () => {
    storage.set(PREFS, JSON.stringify({ lang, view, ref: officer.ref }));
    const words = pageWords(lang);
    const ctx: PageContext = { lang, words, sets, rerender: render };
    document.documentElement.lang = lang;
    document.title = `${words.title} — parindex`;
    const tab = (v: PageView) =>
      h(
        'button',
        {
          type: 'button',
          id: `view-${v}`,
          'aria-pressed': v === view ? 'true' : 'false',
          onclick: () => {
            view = v;
            render();
          },
        },
        words.views[v],
      );
    const langSelect = h(
      'select',
      {
        id: 'lang',
        onchange: (e: Event) => {
          lang = (e.target as HTMLSelectElement).value === 'en' ? 'en' : 'vi';
          render();
          document.getElementById('lang')?.focus();
        },
      },
      (['vi', 'en'] as const).map((l) => h('option', { value: l, selected: l === lang }, words.languages[l])),
    );
    const body = view === 'officer' ? officerView(ctx, officer) : view === 'appraiser' ? appraiserView(ctx, appraiser) : provinceView(ctx, province);
    fill(
      root,
      view === 'officer' ? h('a', { href: '#score-heading', class: 'skip' }, words.skipToScore) : null,
      h(
        'header',
        { class: 'page-header' },
        h('h1', null, words.title),
        h('p', { class: 'tagline' }, words.tagline),
        h('nav', { 'aria-label': words.title }, VIEWS.map(tab)),
        h('span', { class: 'lang' }, h('label', { for: 'lang' }, words.language), langSelect),
      ),
      h('main', { id: 'main', 'data-view': view }, body),
    );
  };
  render();
}

const root = document.getElementById('app');
if (root) start(root);
