/** How the screens say amounts and times: hours in 小时 and 分钟 (never "7.5 h"), Asia/Shanghai dates. */
export type Lang = "zh-CN" | "en";

export function formatMinutes(minutes: number, lang: Lang): string {
  const sign = minutes < 0 ? "-" : "";
  const m = Math.abs(Math.trunc(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (lang === "en") {
    const hours = `${h} h`;
    const mins = `${rest} min`;
    return sign + (h === 0 ? mins : rest === 0 ? hours : `${hours} ${mins}`);
  }
  const hours = `${h} 小时`;
  const mins = `${rest} 分钟`;
  return sign + (h === 0 ? mins : rest === 0 ? hours : `${hours} ${mins}`);
}

const ZONE = "Asia/Shanghai";

/** 2026年11月30日 14:30 in zh-CN; 30 Nov 2026, 14:30 in English; always Shanghai time. */
export function formatTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    return iso;
  }
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit",
    hour12: false,
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  if (lang === "en") {
    const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    return `${Number(get("day"))} ${months[Number(get("month")) - 1]} ${get("year")}, ${get("hour")}:${get("minute")}`;
  }
  return `${get("year")}年${Number(get("month"))}月${Number(get("day"))}日 ${get("hour")}:${get("minute")}`;
}

/** Whole seconds left until a time, never below zero. */
export function secondsUntil(iso: string, now: number = Date.now()): number {
  return Math.max(0, Math.ceil((new Date(iso).getTime() - now) / 1000));
}

/** A day (2026-11-30) and a time of day (09:30) in Shanghai, as an RFC 3339 time with its offset. */
export function shanghaiTime(day: string, time: string): string {
  return `${day}T${time.length === 5 ? `${time}:00` : time}+08:00`;
}
