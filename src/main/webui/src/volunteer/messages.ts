/** The words of these screens, zh-CN first; merged into the app's messages by ../i18n.ts. */
export default {
  "zh-CN": {
    volunteer: {
      nav: "志愿者页面", navHome: "我的", navClaims: "申报时长", navBoards: "排行榜",
      claimTitle: "申报服务时长", day: "日期", from: "开始", to: "结束", what: "服务内容", claim: "提交申报",
      claimed: "已提交 {time}的时长申报，等待社区审核", myClaims: "我的申报",
      claimStatus: { PENDING: "待审核", AWAITING_SECOND_REVIEW: "待复核", APPROVED: "已通过", REJECTED: "已驳回", REVERSED: "已撤销" },
      boardsTitle: "排行榜", scope: "范围", period: "时段", scopeCommunity: "本社区", scopeStreet: "本街道", scopeCity: "全市",
      periods: { WEEK: "本周", MONTH: "本月", YEAR: "今年", ALL: "累计" },
      myRank: "我排第 {rank} 名，{time}", notRanked: "本时段还没有认定的时长",
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
      nav: "Volunteer pages", navHome: "Mine", navClaims: "Claim hours", navBoards: "Boards",
      claimTitle: "Claim service hours", day: "Day", from: "From", to: "To", what: "What you did", claim: "Submit",
      claimed: "Claimed {time}; the community will review it", myClaims: "My claims",
      claimStatus: { PENDING: "To review", AWAITING_SECOND_REVIEW: "Second review", APPROVED: "Approved", REJECTED: "Rejected", REVERSED: "Reversed" },
      boardsTitle: "Leaderboards", scope: "Scope", period: "Period", scopeCommunity: "Community", scopeStreet: "Street", scopeCity: "City",
      periods: { WEEK: "This week", MONTH: "This month", YEAR: "This year", ALL: "All time" },
      myRank: "I am number {rank}, {time}", notRanked: "No approved hours in this period yet",
      hours: "Service hours", points: "Points available", pending: "Held", stars: "Stars", toNext: "{time} to the next star",
      nextExpiry: "{points} points expire on {date}", payCode: "Payment code", showCode: "Show payment code",
      codeExpires: "Renews in {s} s", history: "History", more: "Load more", noHistory: "Nothing yet",
      kinds: { APPROVAL: "Hours approved", REDEMPTION: "Redemption", REFUND: "Refund", GIFT: "Gift", DONATION: "Donation",
        OPENING_BALANCE: "Opening balance", ADJUSTMENT: "Adjustment", REVERSAL: "Reversal", EXPIRY: "Points expired",
        HOLD: "Hold", HOLD_POST: "Hold captured", HOLD_VOID: "Hold voided", HOLD_EXPIRY: "Hold expired", GRANT: "Pool grant" },
    },
  },
};
