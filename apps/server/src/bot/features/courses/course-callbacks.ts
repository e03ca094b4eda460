/** Callback data of the course screens ("<prefix>:<value>", at most 64 bytes). */
export const lessonDoneData = (deliveryId: string) => `cdone:${deliveryId}`;
export const lessonDonePattern = /^cdone:([0-9a-f-]{36})$/;

export const quizData = (deliveryId: string, option: number) => `cquiz:${deliveryId}:${option}`;
export const quizPattern = /^cquiz:([0-9a-f-]{36}):(\d{1,2})$/;

/** A lesson of the /lessons list, by position. */
export const lessonViewData = (day: number) => `clesson:${day}`;
export const lessonViewPattern = /^clesson:(\d{1,4})$/;
export const lessonListData = "clessons";

/** The zones offered as buttons (a zone name may not fit in callback data, so its index goes). */
export const offeredTimezones = [
  "Europe/Kaliningrad",
  "Europe/Moscow",
  "Europe/Samara",
  "Asia/Yekaterinburg",
  "Asia/Novosibirsk",
  "Asia/Vladivostok",
  "Europe/London",
  "Europe/Berlin",
  "Asia/Dubai",
  "Asia/Almaty",
  "America/New_York",
  "America/Los_Angeles",
] as const;
export const timezoneData = (enrollmentId: string, index: number) => `ctz:${enrollmentId}:${index}`;
export const timezonePattern = /^ctz:([0-9a-f-]{36}):(\d{1,2})$/;
export const hourData = (enrollmentId: string, hour: number) => `chour:${enrollmentId}:${hour}`;
export const hourPattern = /^chour:([0-9a-f-]{36}):(\d{1,2})$/;
export const scheduleData = (enrollmentId: string) => `csched:${enrollmentId}`;
export const schedulePattern = /^csched:([0-9a-f-]{36})$/;

/** "Take" on a submission in the reviewers' chat. */
export const takeData = (submissionId: string) => `ctake:${submissionId}`;
export const takePattern = /^ctake:([0-9a-f-]{36})$/;
