/** The month a statement covers, as the API names it (2026-11): the shop's books run on Shanghai time. */
export function shanghaiMonth(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit" })
    .formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}`;
}

/** The file a statement is saved as: the shop and the month, as the API's Content-Disposition says. */
export function statementFileName(shopId: number, period: string): string {
  return `shop-${shopId}-${period}.csv`;
}
