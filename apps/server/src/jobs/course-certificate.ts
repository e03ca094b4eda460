import { type CoreContext, parseJobPayload, readEnrollmentCertificate } from "@lumen/core";
import { InputFile } from "grammy";
import type { BotApis } from "../bot/bot-apis.ts";
import { courseBotId, studentTranslator } from "./course-bot.ts";
import type { JobDefinition } from "./job-runner.ts";

/** Where anyone checks a certificate: the public API, or just the code without PUBLIC_URL. */
export const certificateUrl = (publicUrl: string | undefined, code: string) =>
  publicUrl ? `${publicUrl.replace(/\/$/, "")}/api/v1/certificates/${code}` : code;

/**
 * The course is completed: the congratulations and the certificate PDF (name, course, date and
 * its verification code), made on the server. Queued with the completion, once per enrollment.
 */
export const sendCertificateJob = (deps: {
  core: CoreContext;
  botApis: BotApis;
  publicUrl: string | undefined;
}): JobDefinition => ({
  name: "courses.send-certificate",
  async handler(data) {
    const { enrollmentId } = parseJobPayload("courses.send-certificate", data);
    const view = await readEnrollmentCertificate(deps.core.db, enrollmentId);
    if (!view) return { enrollmentId, skipped: "no certificate" };
    const { certificate, course, student } = view;
    const botId = await courseBotId(deps.core, course, student);
    if (!botId) return { enrollmentId, skipped: "no bot" };
    const api = await deps.botApis.apiFor(botId);
    const t = studentTranslator(student);
    const url = certificateUrl(deps.publicUrl, certificate.code);
    // pdfkit and its fonts load on the first certificate, not on every start (175 ms; issue 13).
    const { renderCertificatePdf } = await import("../courses/certificate-pdf.ts");
    const pdf = await renderCertificatePdf({
      heading: t("certificate-heading"),
      intro: t("certificate-intro"),
      studentName: certificate.studentName,
      completed: t("certificate-completed"),
      courseTitle: certificate.courseTitle,
      date: certificate.issuedAt.toISOString().slice(0, 10),
      verify: t("certificate-verify", { code: certificate.code, url }),
    });
    await api.sendMessage(student.telegramId, t("course-completed", { title: course.title }));
    await api.sendDocument(student.telegramId, new InputFile(pdf, `certificate-${certificate.code}.pdf`), {
      caption: t("certificate-verify", { code: certificate.code, url }),
    });
    return { enrollmentId, code: certificate.code };
  },
});
