/** Error codes of the study report. */
export const reportErrorCodes = {
  ChromiumMissing: "The report cannot be printed as PDF: Debian's Chromium (/usr/bin/chromium) is not installed.",
} as const;
