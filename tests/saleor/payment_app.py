"""A payment app's side of Saleor's transaction API: reporting what became of a request."""

import graphene
from saleor.graphql.tests.utils import get_graphql_content

TRANSACTION_EVENT_REPORT = """
mutation Report($id: ID, $type: TransactionEventTypeEnum!, $amount: PositiveDecimal!,
                $pspReference: String!, $message: String) {
  transactionEventReport(id: $id, type: $type, amount: $amount, pspReference: $pspReference,
                         message: $message) {
    alreadyProcessed
    errors { field code message }
  }
}
"""


def report(app_api_client, transaction, kind, amount, psp, msg=""):
    """The payment app (holding HANDLE_PAYMENTS) tells Saleor what became of a refund, as a
    real app does."""
    response = app_api_client.post_graphql(
        TRANSACTION_EVENT_REPORT,
        {
            "id": graphene.Node.to_global_id("TransactionItem", transaction.token),
            "type": kind,
            "amount": str(amount),
            "pspReference": psp,
            "message": msg,
        },
    )
    payload = get_graphql_content(response)["data"]["transactionEventReport"]
    assert payload["errors"] == [], payload["errors"]
