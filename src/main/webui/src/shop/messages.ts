/** The words of these screens, zh-CN first; merged into the app's messages by ../i18n.ts. */
export default {
  "zh-CN": {
    shop: {
      navTill: "收银台",
      till: "收银台", code: "付款码", points: "积分", charge: "扣分", hold: "冻结积分",
      charged: "已扣 {points} 积分（兑换 {id}）", held: "已冻结 {points} 积分（兑换 {id}），请在取货后确认",
      codeHint: "扫描或输入志愿者的付款码", items: "商品", price: "{points} 积分", stock: "库存 {n}",
      total: "合计 {points} 积分", modeCapture: "立即扣分", modeHold: "先冻结", recent: "最近的兑换",
      pointsOf: "{points} 积分，已退 {refunded}", returned: "已退回 {n} 件", captureAll: "全部确认",
      capturePart: "按所选确认", void: "取消冻结", refund: "退款",
      captured: "已确认 {points} 积分（兑换 {id}）", voided: "已取消兑换 {id}，积分和库存已退回",
      refunded: "已退还 {points} 积分（兑换 {id}）",
      status: { HELD: "冻结中", CAPTURED: "已完成", VOIDED: "已取消", EXPIRED: "已过期" },
    },
  },
  en: {
    shop: {
      navTill: "Till",
      till: "Till", code: "Payment code", points: "Points", charge: "Charge", hold: "Hold points",
      charged: "Charged {points} points (redemption {id})", held: "Held {points} points (redemption {id}); capture after pick-up",
      codeHint: "Scan or type the volunteer's payment code", items: "Items", price: "{points} points", stock: "{n} in stock",
      total: "Total {points} points", modeCapture: "Charge now", modeHold: "Hold first", recent: "Recent redemptions",
      pointsOf: "{points} points, {refunded} refunded", returned: "{n} returned", captureAll: "Capture all",
      capturePart: "Capture the chosen", void: "Void", refund: "Refund",
      captured: "Captured {points} points (redemption {id})", voided: "Redemption {id} voided; points and stock are back",
      refunded: "Refunded {points} points (redemption {id})",
      status: { HELD: "Held", CAPTURED: "Done", VOIDED: "Voided", EXPIRED: "Expired" },
    },
  },
};
