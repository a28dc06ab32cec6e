/**
 * The checks a workbook passes before exceljs reads it. exceljs inflates every part of the archive into
 * memory and expands every range of a data validation into one entry per cell, so the archive is
 * opened here first by JSZip (the library exceljs itself uses), every part is inflated as a stream
 * against a budget of bytes that counts what really comes out (not what the archive claims), and every
 * XML part goes through a real XML parser (saxes, also exceljs's) that counts rows, cells and the
 * cells covered by ranges, and refuses a DOCTYPE (entity declarations: "billion laughs", external
 * entities). External links to other workbooks are refused. Every problem is a WORKBOOK_* diagnostic.
 */
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { diag, type Diagnostic } from '@parindex/rules';
import { EXCEL_COLUMNS, EXCEL_ROWS, WORKBOOK_LIMITS } from './limits.js';

type Limits = { -readonly [K in keyof typeof WORKBOOK_LIMITS]: number };

/** Thrown inside the scan to stop it at the first problem (a hostile file needs no second reason). */
class Refused extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.code);
  }
}

/** Column letters and row of an A1 reference ("$B$12" too); undefined when it is not one. */
function parseRef(ref: string): { column: number; row: number } | undefined {
  const m = /^\$?([A-Z]{1,4})\$?([0-9]{1,8})$/.exec(ref.trim().toUpperCase());
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1]!) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { column, row: Number(m[2]) };
}

/** The cells of a range list ("A1:B3 D4"), each reference inside Excel's grid; Infinity when one is not. */
export function rangeCells(sqref: string): number {
  let total = 0;
  for (const part of sqref.split(/\s+/).filter((x) => x !== '')) {
    const [a, b] = part.split(':');
    const from = parseRef(a!);
    const to = b === undefined ? from : parseRef(b);
    if (!from || !to || from.column > EXCEL_COLUMNS || to.column > EXCEL_COLUMNS || from.row > EXCEL_ROWS || to.row > EXCEL_ROWS) return Infinity;
    total += (Math.abs(to.column - from.column) + 1) * (Math.abs(to.row - from.row) + 1);
  }
  return total;
}

interface Counts {
  inflated: number;
  cells: number;
  rangeCells: number;
}

/** What one element of a worksheet adds to the counts; throws Refused past a limit. */
function countElement(name: string, attributes: Record<string, string>, part: string, state: { rows: number }, counts: Counts, limits: Limits): void {
  const refuse = (what: Parameters<typeof limitDiag>[0], limit: number) => {
    throw new Refused(limitDiag(what, part, limit));
  };
  if (name === 'row') {
    if (++state.rows > limits.rows) refuse('rows', limits.rows);
    if (attributes.r !== undefined && !(Number(attributes.r) >= 1 && Number(attributes.r) <= EXCEL_ROWS)) refuse('grid', EXCEL_ROWS);
  } else if (name === 'c') {
    if (++counts.cells > limits.cells) refuse('cells', limits.cells);
    if (attributes.r !== undefined && rangeCells(attributes.r) === Infinity) refuse('grid', EXCEL_COLUMNS);
  } else if (name === 'col') {
    const min = Number(attributes.min ?? 1);
    const max = Number(attributes.max ?? min);
    if (!(min >= 1 && max >= min && max <= EXCEL_COLUMNS)) refuse('grid', EXCEL_COLUMNS);
    counts.rangeCells += max - min + 1;
  } else if (name === 'dataValidation' || name === 'mergeCell' || name === 'conditionalFormatting' || name === 'hyperlink') {
    const ref = attributes.sqref ?? attributes.ref;
    if (ref !== undefined) counts.rangeCells += rangeCells(ref);
  }
  if (counts.rangeCells > limits.rangeCells) refuse('rangeCells', limits.rangeCells);
}

function limitDiag(what: 'fileBytes' | 'zipEntries' | 'inflatedBytes' | 'sheets' | 'rows' | 'cells' | 'rangeCells' | 'grid', part: string | null, limit: number): Diagnostic {
  return diag('WORKBOOK_LIMIT', '', { what, part, limit });
}

/** A parser for one XML part: DOCTYPE refused, elements counted. */
function xmlScanner(part: string, counts: Counts, limits: Limits): SaxesParser {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const state = { rows: 0 };
  const worksheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(part);
  parser.on('doctype', () => {
    throw new Refused(diag('WORKBOOK_XML_DOCTYPE', '', { part }));
  });
  parser.on('opentag', (tag) => {
    if (worksheet) countElement(localName(tag.name), tag.attributes as Record<string, string>, part, state, counts, limits);
  });
  parser.on('error', () => {
    throw new Refused(diag('WORKBOOK_UNREADABLE', '', { reason: 'xml', part }));
  });
  return parser;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** JSZip's StreamHelper, as far as the scan uses it. */
interface InflateStream {
  on(event: 'data', f: (chunk: Uint8Array) => void): InflateStream;
  on(event: 'error', f: (e: unknown) => void): InflateStream;
  on(event: 'end', f: () => void): InflateStream;
  pause(): InflateStream;
  resume(): InflateStream;
}

/** Inflate one part as a stream against the remaining budget, feeding its XML to the scanner. */
async function scanPart(entry: JSZip.JSZipObject, counts: Counts, limits: Limits): Promise<void> {
  const xml = /\.(xml|rels|vml)$/i.test(entry.name);
  const parser = xml ? xmlScanner(entry.name, counts, limits) : undefined;
  const decoder = new TextDecoder('utf-8', { fatal: false });
  // JSZip's own stream (Node's and the browser's alike): chunks as they are inflated.
  const stream = (entry as unknown as { internalStream(type: 'uint8array'): InflateStream }).internalStream('uint8array');
  await new Promise<void>((done, fail) => {
    stream.on('data', (chunk: Uint8Array) => {
      try {
        counts.inflated += chunk.length;
        if (counts.inflated > limits.inflatedBytes) throw new Refused(limitDiag('inflatedBytes', entry.name, limits.inflatedBytes));
        parser?.write(decoder.decode(chunk, { stream: true }));
      } catch (e) {
        // Stop reading: the paused stream inflates nothing more.
        stream.pause();
        fail(e);
      }
    });
    stream.on('error', () => fail(new Refused(diag('WORKBOOK_UNREADABLE', '', { reason: 'reader', part: entry.name }))));
    stream.on('end', () => {
      try {
        parser?.write(decoder.decode()).close();
        done();
      } catch (e) {
        fail(e);
      }
    });
    stream.resume();
  });
}

/** The archive's entries, or the reason it is not one. */
async function openArchive(bytes: Uint8Array, limits: Limits): Promise<JSZip.JSZipObject[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw new Refused(diag('WORKBOOK_UNREADABLE', '', { reason: 'notZip', part: null }));
  }
  const entries = Object.values(zip.files).filter((e) => !e.dir);
  if (entries.length > limits.zipEntries) throw new Refused(limitDiag('zipEntries', null, limits.zipEntries));
  if (!entries.some((e) => e.name.replace(/^\//, '') === 'xl/workbook.xml')) throw new Refused(diag('WORKBOOK_UNREADABLE', '', { reason: 'notWorkbook', part: null }));
  const link = entries.find((e) => /^\/?xl\/externalLinks\//i.test(e.name));
  if (link) throw new Refused(diag('WORKBOOK_EXTERNAL_LINK', '', { part: link.name }));
  const sheets = entries.filter((e) => /^\/?xl\/worksheets\/[^/]+\.xml$/i.test(e.name)).length;
  if (sheets > limits.sheets) throw new Refused(limitDiag('sheets', null, limits.sheets));
  return entries;
}

/**
 * The problems that keep a workbook from being read (empty when exceljs may read it). `limits` is for
 * tests that check a limit without building a file of its size.
 */
export async function guardWorkbook(bytes: Uint8Array, limits: Partial<Limits> = {}): Promise<Diagnostic[]> {
  const l: Limits = { ...WORKBOOK_LIMITS, ...limits };
  if (bytes.length > l.fileBytes) return [limitDiag('fileBytes', null, l.fileBytes)];
  const counts: Counts = { inflated: 0, cells: 0, rangeCells: 0 };
  try {
    for (const entry of await openArchive(bytes, l)) await scanPart(entry, counts, l);
    return [];
  } catch (e) {
    if (e instanceof Refused) return [e.diagnostic];
    return [diag('WORKBOOK_UNREADABLE', '', { reason: 'reader', part: null })];
  }
}
