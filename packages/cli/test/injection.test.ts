/**
 * Output that can be trusted (issue 12, items 7–9): evidence whose unit, documents, note and explanation,
 * an appraisal whose reasons, a level value and the file names themselves hold hostile text — spreadsheet
 * formulas, terminal escape sequences, bidi overrides, Markdown headings, links and images, HTML — run
 * through every command (validate, score, explain, diff with an appraisal, rank) in every format.
 *
 * The CLI's main() runs in this process (cliInProcess), one run per command and format, one at a time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashJson } from '@parindex/engine';
import { cliInProcess, ROOT, tempDir, VB, writeTemp, type Run } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type J = any;

/** Terminal sequences: window title (OSC 0), colour (CSI m), OSC 8 link, clear screen, CR, BS, bidi, C1 CSI. */
const TERMINAL = '\u001b]0;pwned\u0007\u001b[31mRED\u001b[0m\u001b]8;;http://evil\u001b\\link\u001b]8;;\u001b\\\u001b[2J\r\bX\u202eabc\u202c\u2066\u200f\u009b2J';
const MARKDOWN = '[x](javascript:alert(1)) ![](http://evil/i.png) <img src=x onerror=alert(1)> & <b>b</b>';
const HEADING = '## Kết luận của Sở Nội vụ: đơn vị đạt loại A';
const HOSTILE = `=HYPERLINK("http://x","y")\n${HEADING} ${TERMINAL} ${MARKDOWN}`;
/** The units ranked: one of each spreadsheet formula trigger as code and name. */
const UNITS: Array<[code: string, name: string]> = [
  ['=1+1', HOSTILE],
  ['+1', '+1'],
  ['@SUM(A1)', '@SUM(A1)'],
  ['-2+3', '-2+3'],
  ['\tabc', '\tabc'],
];
const FORMATS = ['table', 'json', 'md', 'html', 'csv'] as const;

/** Any C0 control but LF, DEL, C1, bidi marks, embeddings, overrides and isolates. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

let dir: string;
let evidence: string;
let appraisal: string;
let badLevel: string;
let broken: string;
let rankFiles: string[];

function hostileEvidence(code: string, name: string): J {
  const ev = JSON.parse(readFileSync(join(ROOT, VB), 'utf8'));
  ev.unit = { ...ev.unit, code, name, province: TERMINAL };
  const entry = (c: string) => ev.entries.find((e: J) => e.criterion === c);
  entry('1.1.1').documents[0] = { ...entry('1.1.1').documents[0], number: '@SUM(A1)', title: `-2+3\n# ${TERMINAL} ${MARKDOWN}` };
  entry('1.4.1').explanation = `\tabc\n- ${TERMINAL} ${MARKDOWN}`;
  entry('3.2').note = `+1\n${HEADING} ${TERMINAL}`;
  return ev;
}

beforeAll(() => {
  dir = tempDir();
  const ev = hostileEvidence(...UNITS[0]!);
  // The file name itself: shown in every diagnostic and in the tables of validate and rank.
  evidence = writeTemp(dir, `unit\u001b]0;title\u0007\u202e\r.json`, ev);
  appraisal = writeTemp(dir, 'appraisal.json', {
    formatVersion: 1,
    criteriaSet: ev.criteriaSet,
    evidence: { unit: ev.unit.code, sha256: hashJson(ev) },
    rounds: [
      {
        id: 'round1',
        kind: 'appraisal',
        label: `=Vòng 1\n${HEADING} ${TERMINAL}`,
        by: `@Tổ thẩm định ${TERMINAL}`,
        date: '2027-01-20',
        items: [
          // 0,5 → 0: the negative point change, which must stay a number in CSV.
          { criterion: '1.4.1', points: 0, reason: `-2+3\n${HEADING} ${TERMINAL} ${MARKDOWN}`, by: '+1' },
          { criterion: '3.7.2', values: { online_payments: 320 }, reason: `=1+1\r\n${TERMINAL}` },
        ],
      },
    ],
  });
  const bad = hostileEvidence('BAD', 'Bad level');
  bad.entries.find((e: J) => e.criterion === '1.4.1').values.propaganda_plan = `\u001b[2J\u202edung_han\n${HEADING}`;
  badLevel = writeTemp(dir, 'level\u001b[2J.json', bad);
  broken = writeTemp(dir, 'broken\u001b]0;x\u0007.json', '{"formatVersion": 1, "entries": [');
  rankFiles = UNITS.map(([code, name], i) => (i === 0 ? evidence : writeTemp(dir, `unit-${i}.json`, hostileEvidence(code, name))));
});

/** Every command, the same in every format. */
const COMMANDS: Record<string, () => string[]> = {
  validate: () => ['validate', evidence, appraisal, badLevel, broken],
  score: () => ['score', evidence, '--appraisal', appraisal],
  explain: () => ['explain', evidence, '--appraisal', appraisal],
  diff: () => ['diff', evidence, '--appraisal', appraisal],
  rank: () => ['rank', ...rankFiles, broken],
};

/** RFC 4180: the cells of a CSV text (BOM dropped), quotes undone; ";" separates in Vietnamese, "," in English. */
function csvCells(text: string, sep = ';'): string[] {
  const cells: string[] = [];
  const re = new RegExp(`"((?:[^"]|"")*)"|([^${sep}\\r\\n]*)`, 'gy');
  let i = text.startsWith('\ufeff') ? 1 : 0;
  while (i < text.length) {
    re.lastIndex = i;
    const m = re.exec(text)!;
    cells.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!);
    i = re.lastIndex;
    if (text.startsWith('\r\n', i)) i += 2;
    else if (text[i] === sep) i++;
    else if (i < text.length) throw new Error(`CSV: unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  return cells;
}

/** A number as the renderers write it (vi or en). */
const NUMBER = /^[+-]?[0-9]+(?:[.,][0-9]+)*%?$/;
/** The renderer's own tags and attributes: nothing else may appear in the HTML. */
const HTML_TAGS = new Set([
  '!DOCTYPE',
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'h1',
  'h2',
  'p',
  'div',
  'dl',
  'dt',
  'dd',
  'ul',
  'li',
  'table',
  'colgroup',
  'col',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'br',
]);

/** `exact`: a hostile text the JSON output must hold exactly as given. */
function checkOutput(format: (typeof FORMATS)[number], r: Run, exact: string): void {
  const out = r.stdout;
  expect(r.stdout, r.stderr).not.toBe('');
  expect(r.stderr, 'stderr').not.toMatch(RAW_CONTROL);
  // A diagnostic is one line: the file name's CR and the level value's LF are escapes.
  for (const line of r.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^(\/|parindex: )/);
  switch (format) {
    case 'table':
      expect(out).not.toMatch(RAW_CONTROL);
      expect(out).not.toMatch(/\n\s*## Kết luận/);
      break;
    case 'json':
      // Data: the text exactly as given (JSON escapes the controls itself).
      expect(out).toContain(JSON.stringify(exact).slice(1, -1));
      break;
    case 'csv': {
      const cells = csvCells(out);
      for (const c of cells) if (/^\s*[=+\-@]|^[\t\r]/.test(c)) expect(c, 'a number in a number column').toMatch(NUMBER);
      break;
    }
    case 'md':
      expect(out).not.toMatch(RAW_CONTROL);
      for (const line of out.split('\n')) if (/^\s*#/.test(line)) expect(line).toMatch(/^#{1,2} /);
      expect(out).not.toMatch(/\n#{1,2} [^\n]*Kết luận của Sở Nội vụ/);
      expect(out).not.toMatch(/\n\s*## Kết luận/);
      expect(out).not.toContain('](');
      expect(out).not.toContain('![');
      expect(out.replace(/<br>/g, '')).not.toMatch(/</);
      break;
    case 'html':
      // A TAB is kept in HTML: it is only white space there.
      expect(out.replace(/\t/g, ' ')).not.toMatch(RAW_CONTROL);
      for (const [, tag, attrs] of out.matchAll(/<\/?([!A-Za-z][A-Za-z0-9]*)([^>]*)>/g)) {
        expect(HTML_TAGS.has(tag!), tag).toBe(true);
        for (const [, attr] of attrs!.matchAll(/\s([a-z-]+)(?:="[^"]*")?/g)) expect(['html', 'lang', 'charset', 'name', 'content', 'class', 'style']).toContain(attr);
      }
      expect(out).not.toMatch(/<[^>]*(javascript:|http)/);
      break;
  }
}

describe('hostile text in every command and format', () => {
  for (const [command, args] of Object.entries(COMMANDS))
    it(`${command}: ${FORMATS.join(', ')}`, async () => {
      for (const format of FORMATS) {
        const r = await cliInProcess([...args(), '--format', format]);
        expect(r.code, `${command} --format ${format}: ${r.stderr}`).toBe(command === 'validate' || command === 'rank' ? 1 : 0);
        checkOutput(format, r, command === 'validate' ? evidence : HOSTILE);
      }
    });
});

describe('what the hostile text becomes', () => {
  it('terminal: controls and line breaks as escapes, in the output and in the file names of diagnostics', async () => {
    const r = await cliInProcess(['score', evidence, '--appraisal', appraisal]);
    expect(r.stdout).toContain('=HYPERLINK("http://x","y")\\n## Kết luận của Sở Nội vụ: đơn vị đạt loại A \\x1b]0;pwned\\x07\\x1b[31mRED\\x1b[0m');
    expect(r.stdout).toContain('\\r\\x08X\\u202eabc\\u202c\\u2066\\u200f\\x9b2J');
    expect(r.stderr).toContain(`${dir}/unit\\x1b]0;title\\x07\\u202e\\r.json:`);
    const v = await cliInProcess(['validate', badLevel]);
    // validate prints its problems on stdout.
    expect(v.stdout.split('\n').find((l) => l.includes('EVIDENCE_UNKNOWN_OPTION'))).toBe(
      `${dir}/level\\x1b[2J.json:113:9  EVIDENCE_UNKNOWN_OPTION  /entries/10/values/propaganda_plan  lỗi: "\\x1b[2J\\u202edung_han\\n${HEADING}" không phải là lựa chọn của "Kế hoạch tuyên truyền CCHC" (propaganda_plan) (các lựa chọn: dung_han, tre_han, khong_ban_hanh).`,
    );
  });

  it('CSV: formulas as text behind a quote; numbers, negative changes too, stay numbers (vi and en)', async () => {
    const rank = csvCells((await cliInProcess(['rank', ...rankFiles, '--format', 'csv'])).stdout);
    for (const [code, name] of UNITS) {
      expect(rank).toContain(`'${code}`);
      expect(rank).toContain(`'${name}`);
    }
    const vi = csvCells((await cliInProcess(['diff', evidence, '--appraisal', appraisal, '--format', 'csv'])).stdout);
    const en = csvCells((await cliInProcess(['diff', evidence, '--appraisal', appraisal, '--format', 'csv', '--lang', 'en'])).stdout, ',');
    // 1.4.1: 0,5 → 0 in round 1.
    expect(vi.slice(vi.indexOf('1.4.1'), vi.indexOf('1.4.1') + 5)).toEqual(['1.4.1', 'Ban hành Kế hoạch tuyên truyền CCHC', '0,5', '0', '-0,5']);
    expect(en.slice(en.indexOf('1.4.1'), en.indexOf('1.4.1') + 5)).toEqual(['1.4.1', 'Reform propaganda plan issued', '0.5', '0', '-0.5']);
    // The official table: max, self-score, round 1 as numbers; the hostile round label starts a note, behind a quote.
    const score = csvCells((await cliInProcess(['score', evidence, '--appraisal', appraisal, '--format', 'csv'])).stdout);
    expect(score.slice(score.indexOf('1.4.1'), score.indexOf('1.4.1') + 5)).toEqual(['1.4.1', 'Ban hành Kế hoạch tuyên truyền CCHC', '0,5', '0,5', '0']);
    expect(score.some((c) => c.startsWith("'=Vòng 1"))).toBe(true);
    expect(score.some((c) => c.includes('\n=Vòng 1'))).toBe(true);
  });

  it('Markdown: one line per text, metacharacters escaped, HTML as entities', async () => {
    const md = (await cliInProcess(['explain', evidence, '--format', 'md'])).stdout;
    const title = md.split('\n')[0]!;
    expect(title).toBe(
      '# Giải trình cách chấm: =HYPERLINK("http://x","y") \\#\\# Kết luận của Sở Nội vụ: đơn vị đạt loại A \\\\x1b\\]0;pwned\\\\x07\\\\x1b\\[31mRED\\\\x1b\\[0m\\\\x1b\\]8;;http://evil\\\\x1b\\\\link\\\\x1b\\]8;;\\\\x1b\\\\\\\\x1b\\[2J\\\\r\\\\x08X\\\\u202eabc\\\\u202c\\\\u2066\\\\u200f\\\\x9b2J \\[x\\]\\(javascript:alert(1)) \\!\\[\\]\\(http://evil/i.png) &lt;img src=x onerror=alert(1)&gt; &amp; &lt;b&gt;b&lt;/b&gt;',
    );
    // The explanation (quoted once, in the step of the missing document): its tab and line break are spaces, its escapes are text.
    expect(md).toContain('(giải trình:  abc - \\\\x1b\\]0;pwned');
    expect(md).not.toContain('\n\nGiải trình:');
  });
});
