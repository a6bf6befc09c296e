import { execFile } from 'node:child_process';
import type { Response } from 'supertest';

/** A supertest parser that keeps a binary answer (a PDF) as the bytes sent. */
export function binaryBody(response: Response, done: (error: Error | null, body: Buffer) => void): void {
  const stream = response as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

// PDF.js (inside pdf-parse) loads its worker with import(), which jest's CommonJS sandbox cannot do:
// the text is read in a plain Node process instead.
const EXTRACT = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  const result = await parser.getText();
  const info = await parser.getInfo();
  process.stdout.write(JSON.stringify({ text: result.text, pages: result.total, title: info.info?.Title ?? null }));
  await parser.destroy();
});`;

/** The text a PDF reader extracts from `pdf` (all pages), its number of pages and its document title. */
export function pdfText(pdf: Buffer): Promise<{ text: string; pages: number; title: string | null }> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', EXTRACT], { cwd: __dirname, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`could not read the PDF: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout));
    });
    child.stdin!.end(pdf);
  });
}
