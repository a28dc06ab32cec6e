import { describe, expect, it } from 'vitest';
import { en } from './index.js';
import { vi } from '../vi/index.js';
import { singularUnit } from './singular.js';

describe('the singular of an English unit after the number 1', () => {
  it("undoes the shipped sets' plurals, and the usual endings", () => {
    const shipped = ['dossiers', 'answers', 'people', 'documents', 'tasks', 'villages', 'transactions', 'times', 'reports', 'inspections', 'findings', 'sessions', 'minutes', 'initiatives', 'cases'];
    expect(shipped.map(singularUnit)).toEqual([
      'dossier',
      'answer',
      'person',
      'document',
      'task',
      'village',
      'transaction',
      'time',
      'report',
      'inspection',
      'finding',
      'session',
      'minute',
      'initiative',
      'case',
    ]);
    expect(['staff positions', 'posts/week', 'million VND', 'agencies', 'boxes', 'processes', 'businesses', 'staff', 'news', 'series', 'status', '%', ''].map(singularUnit)).toEqual([
      'staff position',
      'post/week',
      'million VND',
      'agency',
      'box',
      'process',
      'business',
      'staff',
      'news',
      'series',
      'status',
      '%',
      '',
    ]);
  });

  it('only after exactly 1, and only in English (Vietnamese nouns have no plural)', () => {
    expect(en.unitAfter('dossiers', true)).toBe('dossier');
    expect(en.unitAfter('dossiers', false)).toBe('dossiers');
    expect(vi.unitAfter('hồ sơ', true)).toBe('hồ sơ');
  });
});
