/**
 * The same document, byte for byte: DOCX and XLSX are zip files, and both libraries stamp them with the
 * clock (the zip entries' times, the created and modified dates of docProps/core.xml). The package is
 * written again with every entry at the zip epoch and without those two dates, in the same order and
 * with the same compression, so that the same input gives the same file.
 */
import JSZip from 'jszip';

/** The zip epoch in local time (zip times have no zone; JSZip writes the local fields of the Date). */
const EPOCH = new Date(1980, 0, 1, 0, 0, 0);

export async function stableZip(bytes: Uint8Array): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  for (const name of names) {
    let data: Uint8Array | string = await zip.files[name]!.async('uint8array');
    if (name === 'docProps/core.xml')
      data = Buffer.from(data)
        .toString('utf8')
        .replace(/<dcterms:(created|modified)\b[^>]*>[^<]*<\/dcterms:\1>/g, '');
    out.file(name, data, { date: EPOCH, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}
