/**
 * The words of the web page (packages/web): buttons, headings, labels of the form and hints. The
 * sentences of results, advice and diagnostics come from the explainer and the diagnostics locales, as
 * on the command line; these are only the page's own words, one module per language
 * (./locales/vi/page.ts, ./locales/en/page.ts), typed so that a missing word does not compile.
 */
import { pageEn } from './locales/en/page.js';
import { pageVi } from './locales/vi/page.js';
import type { UnitLevel } from '@parindex/rules';
import type { Lang } from './numbers.js';

export type PageView = 'officer' | 'appraiser' | 'province';
export type { UnitLevel };

export interface PageWords {
  readonly lang: Lang;
  /** The page's title and the one-line promise under it. */
  title: string;
  tagline: string;
  views: Readonly<Record<PageView, string>>;
  language: string;
  languages: Readonly<Record<Lang, string>>;
  bundledSet: string;
  loadSet: string;
  openEvidence: string;
  saveEvidence: string;
  openWorkbook: string;
  saveWorkbook: string;
  print: string;
  clear: string;
  confirmClear: string;
  unitHeading: string;
  unitCode: string;
  unitName: string;
  unitLevel: string;
  unitProvince: string;
  levels: Readonly<Record<UnitLevel, string>>;
  sharedInputs: string;
  documentNumber: string;
  documentDate: string;
  documentTitle: string;
  /** How a date box asks for its date. */
  datePlaceholder: string;
  /** The hint beside the explanation box: what to write when the documents are missing. */
  explanationHint: string;
  claimed: string;
  /** "0,75 / 1 điểm" with both numbers written already. */
  criterionPoints(points: string, max: string): string;
  scoreHeading: string;
  chartTitle: string;
  /** The chart in words, for screen readers: "1. …: 7,6 / 10". */
  chartRow(label: string, points: string, max: string): string;
  lostHeading: string;
  noneLost: string;
  cannotScore: string;
  /** Over the previous result while the form has errors: it is out of date. */
  staleResult: string;
  problems(count: string, isOne: boolean): string;
  warnings: string;
  autosaved: string;
  restored: string;
  /** A file that could not be read or used: its name and why. */
  fileProblem(file: string): string;
  evidenceOfOtherSet(ref: string): string;
  setNotBundled(ref: string): string;
  /** While the page's second script (the workbooks, loaded on first use) comes. */
  workbookLoading: string;
  workbookUnavailable: string;
  workbookRead(file: string): string;
  evidenceFile: string;
  appraisalFile: string;
  appraiserHint: string;
  sideBySide: string;
  lastRoundChanges: string;
  provinceFiles: string;
  provinceHint: string;
  dropHere: string;
  histogramTitle: string;
  /** "3 đơn vị có chỉ số từ 80 đến dưới 90" (numbers written already). */
  histogramBar(count: string, from: string, to: string): string;
  filesRead(count: string, isOne: boolean): string;
  /** Why an appraisal file was not used: no evidence file among those chosen has its unit and fingerprint. */
  noMatchingEvidence: string;
  skipToScore: string;
}

const PAGE_WORDS: Readonly<Record<Lang, PageWords>> = { vi: pageVi, en: pageEn };

/** The page's words in a language. */
export function pageWords(lang: Lang): PageWords {
  return PAGE_WORDS[lang];
}
