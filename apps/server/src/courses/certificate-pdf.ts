import { createRequire } from "node:module";
import PDFDocument from "pdfkit";

const require = createRequire(import.meta.url);
/** DejaVu Sans covers Latin and Cyrillic (and much more): a student's name prints as written. */
const regular = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const bold = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");

export type CertificateContent = {
  heading: string;
  intro: string;
  studentName: string;
  completed: string;
  courseTitle: string;
  date: string;
  verify: string;
};

/** A one-page landscape A4 certificate, rendered by pdfkit with the fonts embedded. */
export function renderCertificatePdf(content: CertificateContent): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: 56,
    info: { Title: content.heading },
  });
  doc.registerFont("regular", regular);
  doc.registerFont("bold", bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - 112;
  doc
    .lineWidth(3)
    .rect(28, 28, doc.page.width - 56, doc.page.height - 56)
    .stroke("#3b5bdb");
  doc.moveDown(3);
  doc.font("bold").fontSize(34).fillColor("#1c1c1c").text(content.heading, { align: "center", width });
  doc.moveDown(1.2);
  doc.font("regular").fontSize(16).text(content.intro, { align: "center", width });
  doc.moveDown(0.6);
  doc.font("bold").fontSize(30).text(content.studentName, { align: "center", width });
  doc.moveDown(0.6);
  doc.font("regular").fontSize(16).text(content.completed, { align: "center", width });
  doc.moveDown(0.4);
  doc.font("bold").fontSize(22).text(content.courseTitle, { align: "center", width });
  doc.moveDown(2);
  doc.font("regular").fontSize(13).fillColor("#444444").text(content.date, { align: "center", width });
  doc.moveDown(0.4);
  doc.fontSize(11).text(content.verify, { align: "center", width });
  doc.end();
  return done;
}
