/** The words of these screens, zh-CN first; merged into the app's messages by ../i18n.ts. */
export default {
  "zh-CN": {
    admin: {
      navImport: "导入期初余额",
      import: "导入期初余额", importHint: "上传 CSV：volunteer_id（或 phone）、asset（HOURS 或 POINTS）、amount、reference；整份文件全部导入或全部不导入",
      file: "选择文件", csv: "CSV 内容", importGo: "导入", imported: "已导入 {lines} 行：{points} 积分，{minutes} 分钟",
      line: "第 {line} 行", nothingImported: "本次没有导入任何一行，请改正后重新上传",
    },
  },
  en: {
    admin: {
      navImport: "Opening balances",
      import: "Import opening balances", importHint: "Upload a CSV: volunteer_id (or phone), asset (HOURS or POINTS), amount, reference; the whole file is imported, or nothing",
      file: "Choose a file", csv: "CSV content", importGo: "Import", imported: "Imported {lines} lines: {points} points, {minutes} minutes",
      line: "Line {line}", nothingImported: "Nothing was imported; correct the file and upload it again",
    },
  },
};
