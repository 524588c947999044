/** The words of these screens, zh-CN first; merged into the app's messages by ../i18n.ts. */
export default {
  "zh-CN": {
    staff: {
      navClaims: "时长审核",
      queue: "待审核时长", volunteer: "志愿者", community: "社区", when: "服务时间", length: "时长", status: "状态",
      approve: "批量通过", reject: "批量驳回", reason: "驳回理由", selected: "已选 {n} 条", empty: "没有待审核的申请",
      result: "已通过 {ok} 条，{failed} 条失败", awaiting: "；{n} 条已初审，待另一位工作人员复核", rejected: "已驳回 {ok} 条，{failed} 条失败", reload: "刷新",
      statuses: { PENDING: "待审核", AWAITING_SECOND_REVIEW: "待复核", APPROVED: "已通过", REJECTED: "已驳回", REVERSED: "已撤销" },
    },
  },
  en: {
    staff: {
      navClaims: "Hour claims",
      queue: "Claims to review", volunteer: "Volunteer", community: "Community", when: "Served", length: "Length", status: "Status",
      approve: "Approve selected", reject: "Reject selected", reason: "Reason", selected: "{n} selected", empty: "No claims to review",
      result: "{ok} approved, {failed} failed", awaiting: "; {n} reviewed once, awaiting a second reviewer", rejected: "{ok} rejected, {failed} failed", reload: "Reload",
      statuses: { PENDING: "To review", AWAITING_SECOND_REVIEW: "Awaiting second review", APPROVED: "Approved", REJECTED: "Rejected", REVERSED: "Reversed" },
    },
  },
};
