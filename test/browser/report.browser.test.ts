/**
 * The HTML report as an officer prints it: rendered by the CLI, printed to PDF in Debian's chromium
 * (playwright-core, the page's own @page size), then read back page by page with poppler's pdftotext and
 * turned into PNG pages with pdftoppm. Checked: A4 landscape pages, the page number "Trang i/N" on every
 * page, the table header (with the round columns side by side) repeated on every page, and the totals,
 * index and classification printed once. Skipped only when /usr/bin/chromium or poppler-utils is absent
 * (CI's .ci/run installs both). Never downloads a browser.
 *
 * PARINDEX_WRITE_DOCS=1 also writes the first page to docs/report-page.png (the README's picture).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess, tempDir, VB, VB_APPRAISAL } from '../../packages/cli/test/helpers.js';
import { CHROMIUM, launchChromium } from './chromium.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const has = (bin: string) => existsSync(bin);
const ready = has(CHROMIUM) && has('/usr/bin/pdftotext') && has('/usr/bin/pdftoppm');
if (!ready) console.warn('test/browser: chromium or poppler-utils is absent, the print test is skipped (apt-get install -y chromium poppler-utils)');

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe.skipIf(!ready)('the HTML report printed in chromium', () => {
  let browser: Browser | undefined;
  let dir = '';

  beforeAll(async () => {
    dir = tempDir();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** The report of the example with its appraisal, printed: the PDF's file and its pages' text. */
  async function printed(lang: 'vi' | 'en'): Promise<{ pdf: string; pages: string[] }> {
    const html = join(dir, `report-${lang}.html`);
    const r = await cliInProcess(['score', VB, '--appraisal', VB_APPRAISAL, '--format', 'html', '--lang', lang, '--out', html, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const page = await browser!.newPage();
    // The report has no external resources: the file is all there is to load.
    await page.goto(`file://${html}`);
    const pdf = join(dir, `report-${lang}.pdf`);
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await page.close();
    const text = execFileSync('/usr/bin/pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    return { pdf, pages };
  }

  it('Vietnamese: page numbers on every page, the header repeated, the totals once; PNG pages in A4 landscape', async () => {
    const { pdf, pages } = await printed('vi');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((p, i) => {
      expect(p, `page ${i + 1}`).toContain(`Trang ${i + 1}/${pages.length}`);
      // The header row on every page, the round columns side by side in it.
      expect(p, `page ${i + 1}`).toMatch(/STT\s+Lĩnh vực \/ tiêu chí/);
      // Maximum, self-score and the two rounds: four "Điểm" on the header's first line.
      expect(
        p
          .split('\n')
          .find((l) => l.includes('STT'))
          ?.match(/Điểm/g),
        `page ${i + 1}`,
      ).toHaveLength(4);
      expect(p.match(/vòng/g)?.length, `page ${i + 1}`).toBeGreaterThanOrEqual(2);
    });
    const all = pages.join('\n');
    expect(all.match(/Tổng điểm \/ điểm tối\s+đa\s+áp\s+dụng/g)).toHaveLength(1);
    expect(all.match(/Chỉ số \(thang 100\)/g)).toHaveLength(1);
    expect(all).toMatch(/Chỉ số \(thang 100\)\s+83,60\s+82,85\s+83,35/);
    // The national header and the date line on the first page; signatures and provenance on the last.
    expect(pages[0]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(pages[0]).toContain('Vĩnh Bảo, ngày 05 tháng 02 năm 2027');
    expect(pages.at(-1)).toContain('NGƯỜI LẬP BIỂU');
    expect(pages.at(-1)).toMatch(/SHA-256 [0-9a-f]{16}/);
    execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '50', pdf, join(dir, 'page')]);
    const first = [join(dir, 'page-1.png'), join(dir, 'page-01.png')].find(existsSync)!;
    const size = pngSize(first);
    // A4 landscape at 50 dpi: 297 × 210 mm → 585 × 413 pixels.
    expect(size.width).toBeGreaterThan(size.height);
    expect(Math.round((size.width / size.height) * 100)).toBe(141);
    if (process.env.PARINDEX_WRITE_DOCS === '1') {
      execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(ROOT, 'docs/report-page')]);
    }
  });

  it('English: the same layout in English words', async () => {
    const { pages } = await printed('en');
    pages.forEach((p, i) => expect(p, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`));
    const all = pages.join('\n');
    expect(pages[0]).toContain('SOCIALIST REPUBLIC OF VIET NAM');
    expect(all.match(/Total points \/\s+applicable\s+maximum/g)).toHaveLength(1);
    expect(all).toContain('PREPARED BY');
  });
});
