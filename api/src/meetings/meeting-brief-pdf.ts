import { BRIEF_KEEP_IT_SAFE, COMMITMENT_LADDER, meetingBriefContent, type MeetingReadiness } from '@soundings/shared';
import PDFDocument from 'pdfkit';

// DejaVu covers Latin, Greek, Cyrillic, Hebrew and Arabic letters, so names in those scripts print as typed;
// the PDF's standard fonts know only Western European letters.
const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  italic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
};

const INK = '#111111';
const MUTED = '#555555';
const RULE = '#bbbbbb';
/** 12 mm, as the print view's @page margin. */
const MARGIN = 34;

/** Colours of the ladder's dots, as the print view draws them (Mantine's shade 6). */
const DOT_COLOURS: Record<string, string> = {
  gray: '#868e96',
  indigo: '#4c6ef5',
  cyan: '#15aabf',
  teal: '#12b886',
  green: '#40c057',
  lime: '#82c91e',
  red: '#fa5252',
};

export interface BriefPrinting {
  /** The organisation's time zone: the meeting's time and the printing time are given in it. */
  timeZone: string;
  printedBy: string;
  printedAt: Date;
}

/** `4 Mar 2025, 14:05` in `timeZone`. */
export function formatMoment(iso: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(
    new Date(iso),
  );
}

/** `q3-operations-review` for a file name: letters and digits of the title only, accents dropped. */
export function briefFileName(title: string, day: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `brief-${slug || 'meeting'}-${day}.pdf`;
}

/**
 * The meeting brief as an A4 PDF: the same content as the print view (meetingBriefContent), laid out
 * the same way, from readiness already mapped through the reader's confidentiality view.
 */
export function renderMeetingBriefPdf(readiness: MeetingReadiness, printing: BriefPrinting): Promise<Buffer> {
  const { meeting } = readiness;
  const brief = meetingBriefContent(readiness);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `Brief: ${meeting.title}`, Author: printing.printedBy, Creator: 'Soundings', Subject: 'Confidential meeting brief' },
    lang: 'en-GB',
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('italic', FONTS.italic);
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const rule = (y: number, thickness = 0.75, colour = RULE) => {
    doc.save().moveTo(left, y).lineTo(left + width, y).lineWidth(thickness).strokeColor(colour).stroke().restore();
  };
  const bottom = () => doc.page.height - MARGIN;

  // Masthead
  doc.font('bold').fontSize(7.5).fillColor(INK).text('CONFIDENTIAL · MEETING BRIEF', left, MARGIN, { characterSpacing: 0.4, lineBreak: false });
  doc.font('regular').text('SOUNDINGS', left, MARGIN, { width, align: 'right', characterSpacing: 0.4 });
  rule(doc.y + 2, 1.5, INK);
  doc.y += 8;

  doc.font('bold').fontSize(16).text(meeting.title, left, doc.y, { width });
  doc.font('regular').fontSize(10.5).text(`${formatMoment(meeting.scheduledFor, printing.timeZone)} (${printing.timeZone})`, { width });
  if (meeting.purpose) {
    doc.moveDown(0.3).fontSize(9.5).font('bold').text('Purpose: ', { continued: true }).font('regular').text(meeting.purpose, { width });
  }

  // Figures, boxed, side by side
  const figuresTop = doc.y + 8;
  // The first figure ("6 of 9 on board") is a phrase, the others numbers: it gets the room it needs.
  const shares = brief.figures.map((_figure, index) => (index === 0 ? 2 : 1));
  const unit = (width - 16) / shares.reduce((sum, share) => sum + share, 0);
  let figuresBottom = figuresTop;
  let x = left + 8;
  brief.figures.forEach((figure, index) => {
    const cellWidth = shares[index] * unit - 8;
    doc.font('bold').fontSize(14).fillColor(INK).text(figure.value, x, figuresTop + 7, { width: cellWidth });
    doc.font('regular').fontSize(8).fillColor(MUTED).text(figure.label, x, doc.y, { width: cellWidth });
    figuresBottom = Math.max(figuresBottom, doc.y);
    x += shares[index] * unit;
  });
  doc.save().roundedRect(left, figuresTop, width, figuresBottom - figuresTop + 6, 3).lineWidth(0.75).strokeColor(RULE).stroke().restore();
  doc.y = figuresBottom + 14;

  const heading = (text: string) => {
    if (doc.y + 40 > bottom()) doc.addPage();
    doc.font('bold').fontSize(11).fillColor(INK).text(text, left, doc.y, { width });
    rule(doc.y + 1);
    doc.y += 5;
  };

  heading('Do before the meeting');
  if (brief.todo.length === 0) {
    doc.font('regular').fontSize(9.5).fillColor(MUTED).text(brief.nothingToDo, left, doc.y, { width });
  } else {
    for (const line of brief.todo) {
      const y = doc.y;
      doc.font('regular').fontSize(9.5).fillColor(INK).text('•', left + 2, y, { lineBreak: false });
      doc.font('bold').text(`${line.lead} `, left + 12, y, { width: width - 12, continued: true });
      doc.font(line.words ? 'italic' : 'regular').text(line.text, { continued: line.note !== null });
      if (line.note) doc.font('regular').fillColor(MUTED).text(` ${line.note}`);
      doc.fillColor(INK);
      doc.y += 2;
    }
  }
  doc.y += 10;

  heading('The room');
  const columns = [
    { title: 'NAME', width: 0.2 },
    { title: 'ROLE', width: 0.22 },
    { title: 'STANDS', width: 0.15 },
    { title: 'WATCH FOR', width: 0.23 },
    { title: 'UNDECIDED: LOOKS TO', width: 0.2 },
  ].map((column) => ({ ...column, width: column.width * width }));
  const pad = 3;
  const tableHeader = () => {
    const y = doc.y;
    let columnX = left;
    doc.font('bold').fontSize(7).fillColor('#444444');
    for (const column of columns) {
      doc.text(column.title, columnX + pad, y, { width: column.width - 2 * pad, characterSpacing: 0.2 });
      columnX += column.width;
    }
    doc.y = y + 12;
    rule(doc.y, 0.75, '#888888');
    doc.y += pad;
  };
  tableHeader();
  for (const row of brief.room) {
    const level = COMMITMENT_LADDER[row.commitment];
    const cells: { text: string; font: string; indent?: number }[] = [
      { text: row.name, font: 'bold' },
      { text: row.role, font: 'regular' },
      { text: level.label, font: 'regular', indent: 9 },
      { text: row.watchFor, font: 'regular' },
      { text: row.looksTo, font: 'regular' },
    ];
    doc.fontSize(8.5);
    const height = Math.max(
      ...cells.map((c, index) => doc.font(c.font).heightOfString(c.text, { width: columns[index].width - 2 * pad - (c.indent ?? 0) })),
    );
    if (doc.y + height + pad > bottom()) {
      doc.addPage();
      doc.y = MARGIN;
      tableHeader();
    }
    const y = doc.y;
    let cellX = left;
    cells.forEach((c, index) => {
      if (c.indent) doc.save().circle(cellX + pad + 3.5, y + 5, 3.2).fill(DOT_COLOURS[level.color] ?? MUTED).restore();
      doc.font(c.font).fillColor(INK).text(c.text, cellX + pad + (c.indent ?? 0), y, { width: columns[index].width - 2 * pad - (c.indent ?? 0) });
      cellX += columns[index].width;
    });
    doc.y = y + height + pad;
    rule(doc.y, 0.5, '#dddddd');
    doc.y += pad;
  }

  doc.y += 12;
  if (doc.y + 30 > bottom()) doc.addPage();
  rule(doc.y);
  doc.y += 4;
  doc
    .font('regular')
    .fontSize(7.5)
    .fillColor(MUTED)
    .text(`Printed ${formatMoment(printing.printedAt, printing.timeZone)} by ${printing.printedBy}. ${BRIEF_KEEP_IT_SAFE}`, left, doc.y, { width });

  doc.end();
  return done;
}
