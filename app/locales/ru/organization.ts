/** English UI strings: a focal point's organization page (/organization). */
export default {
  organization: {
    title: "Your organization",
    intro: "The people of {{name}} on the platform. Invite delegates who draft comments for you to review.",
    accountLink: "Your organization: members and invitations",
    members: {
      title: "Members",
      name: "Name",
      email: "Email",
      role: "Role",
      status: "Status",
      active: "Active",
      deactivated: "Deactivated",
    },
    invite: {
      title: "Invite a delegate",
      email: "Email address",
      role: "Role",
      roleHint: "Focal points are named by the secretariat.",
      submit: "Send invitation",
      sent: "Invitation emailed to {{email}}. The link works once and expires on {{date}}.",
      unavailable:
        "This address cannot be invited: it already has an account or a pending invitation on the platform. " +
        "Ask the secretariat if the person should join your organization.",
      tooMany: "Too many invitations in a short time. Try again in {{seconds}} seconds.",
    },
    invitations: {
      title: "Pending invitations",
      empty: "No pending invitations.",
      email: "Email",
      role: "Role",
      status: "Status",
      delivery: "Email delivery",
      actions: "Actions",
      pending: "Pending until {{date}}",
      expired: "Expired on {{date}}",
      withdraw: "Withdraw",
      withdrawLabel: "Withdraw the invitation for {{email}}",
      withdrawn: "The invitation for {{email}} was withdrawn; its link no longer works.",
      notFound: "This invitation no longer exists.",
      alreadyAccepted: "This invitation was already accepted.",
    },
  },
} as const;
