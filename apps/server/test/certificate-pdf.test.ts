import { describe, expect, it } from "vitest";
import { renderCertificatePdf } from "../src/courses/certificate-pdf.ts";

describe("the certificate PDF", () => {
  it("is a one-page PDF with a font that has Cyrillic embedded", async () => {
    const pdf = await renderCertificatePdf({
      heading: "Сертификат о прохождении курса",
      intro: "Настоящим подтверждается, что",
      studentName: "Анна Иванова",
      completed: "прошла курс",
      courseTitle: "Акварель за день",
      date: "2026-12-01",
      verify: "Код проверки ABCDEFGH23",
    });
    const text = pdf.toString("latin1");
    expect(text.startsWith("%PDF-")).toBe(true);
    expect(text).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans-Bold/);
    expect(text).toMatch(/\/FontFile2/);
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
    // The embedded subset maps the glyphs back to Unicode: the Cyrillic letters are there.
    expect(text).toContain("/ToUnicode");
  });
});
