import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Reading exported files back, as a person opening them would: the text of
 * each PDF page (whitespace collapsed, so wrapped lines read as one) (pdfjs-dist, the parser Firefox uses) and the tables of a
 * Word document (its word/document.xml, unzipped with JSZip).
 */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    // Words wrapped inside a table cell come back as separate items: one space between each.
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  }
  await doc.destroy();
  return pages;
}

/** The PDF's title and whether it is tagged (structure for screen readers and search). */
export async function pdfInfo(bytes: Uint8Array): Promise<{ title: string | null; tagged: boolean }> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const { info } = (await doc.getMetadata()) as { info: { Title?: string } };
  const markInfo = (await doc.getMarkInfo()) as { Marked?: boolean } | null;
  await doc.destroy();
  return { title: info.Title ?? null, tagged: markInfo?.Marked === true };
}

const decode = (xml: string) =>
  xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Every table in the document as rows of cell texts (a cell's paragraphs joined by newlines). */
export async function docxTables(bytes: Uint8Array): Promise<string[][][]> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
  return tables.map((table) =>
    (table.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []).map((row) =>
      (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((cell) =>
        (cell.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [])
          .map((p) =>
            decode((p.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join('')),
          )
          .join('\n'),
      ),
    ),
  );
}

/** The document's paragraphs outside tables too, for headings. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return decode((xml.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join(' '));
}
