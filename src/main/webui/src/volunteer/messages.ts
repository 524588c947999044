/** The words of these screens, zh-CN first; merged into the app's messages by ../i18n.ts. */
export default {
  "zh-CN": {
    volunteer: {
      hours: "服务时长", points: "可用积分", pending: "冻结中", stars: "星级", toNext: "距下一星级还需 {time}",
      nextExpiry: "{date} 将有 {points} 积分到期", payCode: "付款码", showCode: "出示付款码",
      codeExpires: "{s} 秒后自动刷新", history: "明细", more: "加载更多", noHistory: "暂无记录",
      kinds: { APPROVAL: "时长认定", REDEMPTION: "积分兑换", REFUND: "退款", GIFT: "转赠", DONATION: "捐赠",
        OPENING_BALANCE: "期初余额", ADJUSTMENT: "调整", REVERSAL: "冲正", EXPIRY: "积分到期",
        HOLD: "冻结", HOLD_POST: "兑换入账", HOLD_VOID: "解冻", HOLD_EXPIRY: "冻结到期", GRANT: "互助池发放" },
    },
  },
  en: {
    volunteer: {
      hours: "Service hours", points: "Points available", pending: "Held", stars: "Stars", toNext: "{time} to the next star",
      nextExpiry: "{points} points expire on {date}", payCode: "Payment code", showCode: "Show payment code",
      codeExpires: "Renews in {s} s", history: "History", more: "Load more", noHistory: "Nothing yet",
      kinds: { APPROVAL: "Hours approved", REDEMPTION: "Redemption", REFUND: "Refund", GIFT: "Gift", DONATION: "Donation",
        OPENING_BALANCE: "Opening balance", ADJUSTMENT: "Adjustment", REVERSAL: "Reversal", EXPIRY: "Points expired",
        HOLD: "Hold", HOLD_POST: "Hold captured", HOLD_VOID: "Hold voided", HOLD_EXPIRY: "Hold expired", GRANT: "Pool grant" },
    },
  },
};
