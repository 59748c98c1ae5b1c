// Shared constant of the service report (safe to import anywhere).
export const SERVICE_REPORT_DAYS = 90;
