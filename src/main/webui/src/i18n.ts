import { ref } from "vue";
import { createI18n } from "vue-i18n";
import type { Lang } from "./lib/format";
import admin from "./admin/messages";
import common from "./common/messages";
import shop from "./shop/messages";
import staff from "./staff/messages";
import volunteer from "./volunteer/messages";

// each folder of screens keeps its own words
const parts = [common, volunteer, staff, shop, admin];
const messages = {
  "zh-CN": Object.assign({}, ...parts.map((p) => p["zh-CN"])),
  en: Object.assign({}, ...parts.map((p) => p.en)),
};

export const lang = ref<Lang>("zh-CN");

export const i18n = createI18n({ legacy: false, locale: "zh-CN", fallbackLocale: "zh-CN", messages });

export function setLang(next: Lang): void {
  lang.value = next;
  i18n.global.locale.value = next;
  document.documentElement.lang = next;
}
