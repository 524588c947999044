/** The words of these screens, zh-CN first; merged into the app's messages by ../i18n.ts. */
export default {
  "zh-CN": {
    app: { title: "时间银行", signOut: "退出", language: "English", console: "工作台菜单" },
    common: { failed: "操作失败，请重试", loading: "加载中…" },
    scanner: {
      title: "扫码", preview: "相机画面", starting: "正在打开相机…", aim: "请把二维码放在框内，保持稳定",
      cancel: "取消扫码", close: "关闭",
      denied: "没有相机权限。请在浏览器设置里允许使用相机，或者手动输入。",
      noCamera: "这台设备没有可用的相机，请手动输入。",
      busy: "相机正被其他应用使用，请关闭那个应用后再试，或者手动输入。",
      unsupported: "这个浏览器不能使用相机（需要 https 网址），请手动输入。",
      failed: "相机打不开，请再试一次，或者手动输入。",
    },
    login: {
      title: "选择演示身份", hint: "开发模式：选择一个演示身份登录", failed: "登录失败：{detail}",
      production: "请通过单位统一身份认证登录",
      oidc: "使用单位账号登录", completing: "正在完成登录…", again: "重新登录",
    },
  },
  en: {
    app: { title: "Time bank", signOut: "Sign out", language: "中文", console: "Console menu" },
    common: { failed: "That did not work; please try again", loading: "Loading…" },
    scanner: {
      title: "Scan", preview: "Camera view", starting: "Opening the camera…", aim: "Hold the QR code inside the frame, steady",
      cancel: "Stop scanning", close: "Close",
      denied: "No permission to use the camera. Allow it in the browser's settings, or type the code instead.",
      noCamera: "This device has no camera to use; please type the code instead.",
      busy: "Another app is using the camera. Close it and try again, or type the code instead.",
      unsupported: "This browser cannot use the camera (it needs an https address); please type the code instead.",
      failed: "The camera did not open. Try again, or type the code instead.",
    },
    login: {
      title: "Choose a demo identity", hint: "Dev mode: sign in as one of the demo identities", failed: "Sign-in failed: {detail}",
      production: "Sign in with your organisation's account",
      oidc: "Sign in with your organisation account", completing: "Completing sign-in…", again: "Sign in again",
    },
  },
};
