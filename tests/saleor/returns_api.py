"""GraphQL documents and small helpers of the returns tests."""

import graphene

from ..fixtures import tracking_content

RETURN_FIELDS = """
  id rma status statusLabel reason resolution customerPaysShipping decisionNote
  refundAmount currency qrCode isOverdue returnPageUrl saleorFulfillmentId giftCardId
  instructions { carrier { code } returnCode text address }
  returnShipment { trackingNumber status carrier { code } }
  lines { id orderLineId quantity outcome restockedQuantity }
"""

REQUEST_RETURN = f"""
mutation Request($input: RequestReturnInput!, $id: ID, $number: String, $email: String) {{
  requestReturn(input: $input, id: $id, number: $number, email: $email) {{
    return {{ {RETURN_FIELDS} }}
    errors {{ field code message }}
  }}
}}
"""

CANCEL_RETURN = f"""
mutation Cancel($returnId: ID!, $id: ID, $number: String, $email: String) {{
  cancelReturn(returnId: $returnId, id: $id, number: $number, email: $email) {{
    return {{ {RETURN_FIELDS} }}
    errors {{ field code message }}
  }}
}}
"""

SET_TRACKING = f"""
mutation Ship($returnId: ID!, $trackingNumber: String!, $carrier: String, $id: ID,
              $number: String, $email: String) {{
  returnTrackingNumberSet(returnId: $returnId, trackingNumber: $trackingNumber,
                          carrier: $carrier, id: $id, number: $number, email: $email) {{
    return {{ {RETURN_FIELDS} }}
    errors {{ field code message }}
  }}
}}
"""

APPROVE = f"""
mutation Approve($id: ID!, $note: String) {{
  returnApprove(id: $id, note: $note) {{ return {{ {RETURN_FIELDS} }} errors {{ code }} }}
}}
"""

REJECT = f"""
mutation Reject($id: ID!, $reason: String!) {{
  returnReject(id: $id, reason: $reason) {{
    return {{ {RETURN_FIELDS} }} errors {{ field code message }}
  }}
}}
"""

RECEIVE = f"""
mutation Receive($id: ID!) {{
  returnMarkReceived(id: $id) {{ return {{ {RETURN_FIELDS} }} errors {{ code }} }}
}}
"""

INSPECT = f"""
mutation Inspect($id: ID!, $lines: [ReturnInspectionLineInput!]!) {{
  returnInspect(id: $id, lines: $lines) {{
    return {{ {RETURN_FIELDS} }} errors {{ field code message }}
  }}
}}
"""

REFUND = f"""
mutation Refund($id: ID!, $resolution: ReturnResolution) {{
  returnRefund(id: $id, resolution: $resolution) {{
    return {{ {RETURN_FIELDS} }} errors {{ field code message }}
  }}
}}
"""

ELIGIBILITY = f"""
query Eligibility($id: ID, $number: String, $email: String) {{
  returnEligibility(id: $id, number: $number, email: $email) {{
    number
    lines {{ orderLineId sku quantity returnableQuantity deadline notReturnableReason }}
    returns {{ {RETURN_FIELDS} }}
  }}
}}
"""

RETURNS = f"""
query Returns($filter: ReturnFilterInput, $first: Int, $after: String, $last: Int,
    $before: String) {{
  returns(filter: $filter, first: $first, after: $after, last: $last, before: $before) {{
    edges {{ cursor node {{ {RETURN_FIELDS} }} }}
    pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }}
  }}
}}
"""


def nodes(connection: dict) -> list[dict]:
    """The nodes of a Relay connection's page, in order."""
    return [edge["node"] for edge in connection["edges"]]


def order_id(order) -> str:
    return graphene.Node.to_global_id("Order", order.pk)


def line_id(line) -> str:
    return graphene.Node.to_global_id("OrderLine", line.pk)


def request_input(*line_quantities, reason="SIZE", resolution="REFUND", comment="") -> dict:
    return {
        "lines": [{"orderLineId": line_id(line), "quantity": q} for line, q in line_quantities],
        "reason": reason,
        "resolution": resolution,
        "comment": comment,
    }


def call(client, document: str, variables: dict) -> dict:
    """Run a document on the plugin's endpoint; the single field's payload."""
    content = tracking_content(client.post_graphql(document, variables))
    assert "errors" not in content, content["errors"]
    (payload,) = content["data"].values()
    return payload


def call_ok(client, document: str, variables: dict) -> dict:
    """A mutation that must succeed: its `return`."""
    payload = call(client, document, variables)
    assert payload["errors"] == [], payload["errors"]
    return payload["return"]


def inspection(ret: dict, *outcomes: str) -> list[dict]:
    return [
        {"lineId": line["id"], "outcome": outcome}
        for line, outcome in zip(ret["lines"], outcomes, strict=True)
    ]
