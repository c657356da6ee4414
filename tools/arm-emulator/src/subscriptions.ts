import type { ArmRequest, ArmResponse } from "./context.js";
import { methodNotAllowed } from "./resourceGroups.js";

function render(r: ArmRequest): Record<string, unknown> {
  const { subscriptionId, tenantId } = r.ctx.options;
  return {
    id: `/subscriptions/${subscriptionId}`,
    subscriptionId,
    tenantId,
    displayName: "arm-emulator subscription",
    state: "Enabled",
    subscriptionPolicies: {
      locationPlacementId: "Public_2014-09-01",
      quotaId: "PayAsYouGo_2014-09-01",
      spendingLimit: "Off",
    },
    authorizationSource: "RoleBased",
  };
}

/** GET /subscriptions: the one emulated subscription. */
export function handleSubscriptionList(r: ArmRequest): ArmResponse {
  if (r.method !== "GET") throw methodNotAllowed(r.method);
  return { status: 200, body: { value: [render(r)], count: { type: "Total", value: 1 } } };
}

/** GET /subscriptions/{id}. */
export function handleSubscription(r: ArmRequest): ArmResponse {
  if (r.method !== "GET") throw methodNotAllowed(r.method);
  return { status: 200, body: render(r) };
}
