/** The words of these screens, zh-CN first; merged into the app's messages by ../i18n.ts. */
export default {
  "zh-CN": {
    app: { title: "时间银行", signOut: "退出", language: "English", console: "工作台菜单" },
    common: { failed: "操作失败，请重试", loading: "加载中…" },
    login: {
      title: "选择演示身份", hint: "开发模式：选择一个演示身份登录", failed: "登录失败：{detail}",
      production: "请通过单位统一身份认证登录",
      oidc: "使用单位账号登录", completing: "正在完成登录…", again: "重新登录",
    },
  },
  en: {
    app: { title: "Time bank", signOut: "Sign out", language: "中文", console: "Console menu" },
    common: { failed: "That did not work; please try again", loading: "Loading…" },
    login: {
      title: "Choose a demo identity", hint: "Dev mode: sign in as one of the demo identities", failed: "Sign-in failed: {detail}",
      production: "Sign in with your organisation's account",
      oidc: "Sign in with your organisation account", completing: "Completing sign-in…", again: "Sign in again",
    },
  },
};
