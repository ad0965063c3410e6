"""Links a storefront and staff can reach: `trackingPageUrl` and `returnPageUrl` on
`orderTracking`, `tracking.pageUrl` in the order's public metadata, and the tracking page's
link to the return page."""

from urllib.parse import parse_qs, urlsplit

import graphene

from saleor_tracking_plugin.pages.links import order_id_from_token, tracking_page_url
from saleor_tracking_plugin.surveys.links import SURVEY_PURPOSE
from saleor_tracking_plugin.tracking.metadata import mirror_order_tracking

from ..fixtures import tracking_content

LINKS_BY_ID = """
query Links($id: ID) { orderTracking(id: $id) { trackingPageUrl returnPageUrl surveyPageUrl } }
"""
LINKS_AS_GUEST = """
query Links($number: String, $email: String) {
  orderTracking(number: $number, email: $email) {
    trackingPageUrl returnPageUrl surveyPageUrl
  }
}
"""


def opens(url: str, purpose: str):
    """The order ID the link's signed token opens for this page purpose."""
    token = parse_qs(urlsplit(url).query)["t"][0]
    return order_id_from_token(token, purpose)


def order_id(order):
    return graphene.Node.to_global_id("Order", order.pk)


def test_the_owner_gets_both_links_of_a_delivered_order(
    customer_tracking_client, delivered_order, settings
):
    settings.PUBLIC_URL = "https://shop.example.com"

    content = tracking_content(
        customer_tracking_client.post_graphql(LINKS_BY_ID, {"id": order_id(delivered_order)})
    )

    links = content["data"]["orderTracking"]
    assert links["trackingPageUrl"].startswith(
        "https://shop.example.com/plugins/global/saleor_tracking_plugin/pages/track/?t="
    )
    assert opens(links["trackingPageUrl"], "track") == str(delivered_order.pk)
    assert "/pages/return/?t=" in links["returnPageUrl"]
    assert opens(links["returnPageUrl"], "return") == str(delivered_order.pk)
    assert opens(links["surveyPageUrl"], SURVEY_PURPOSE) == str(delivered_order.pk)


def test_a_guest_gets_the_links_with_number_and_email(guest_tracking_client, delivered_order):
    content = tracking_content(
        guest_tracking_client.post_graphql(
            LINKS_AS_GUEST,
            {"number": str(delivered_order.number), "email": delivered_order.user_email},
        )
    )
    links = content["data"]["orderTracking"]
    assert opens(links["trackingPageUrl"], "track") == str(delivered_order.pk)
    assert opens(links["returnPageUrl"], "return") == str(delivered_order.pk)


def test_staff_get_no_return_link_for_an_order_not_shipped_yet(
    staff_tracking_client, customer_order
):
    content = tracking_content(
        staff_tracking_client.post_graphql(LINKS_BY_ID, {"id": order_id(customer_order)})
    )
    links = content["data"]["orderTracking"]
    assert opens(links["trackingPageUrl"], "track") == str(customer_order.pk)
    assert links["returnPageUrl"] is None
    assert links["surveyPageUrl"] is None


def test_the_tracking_link_is_mirrored_into_public_metadata_and_kept_while_fresh(
    delivered_order,
):
    # when the order's tracking summary is mirrored
    mirror_order_tracking(delivered_order.pk)
    delivered_order.refresh_from_db()
    first = delivered_order.metadata["tracking.pageUrl"]

    # then the metadata opens the hosted tracking page of this order
    assert opens(first, "track") == str(delivered_order.pk)

    # and mirroring again keeps the same link (no needless write of an unchanged order)
    mirror_order_tracking(delivered_order.pk)
    delivered_order.refresh_from_db()
    assert delivered_order.metadata["tracking.pageUrl"] == first


def test_the_tracking_page_links_to_the_return_page_while_a_return_is_possible(
    client, delivered_order
):
    page = client.get(tracking_page_url(delivered_order.pk)).content.decode()
    assert 'data-testid="return-link"' in page
    assert "/pages/return/?t=" in page


def test_the_tracking_page_has_no_return_link_before_anything_shipped(client, customer_order):
    page = client.get(tracking_page_url(customer_order.pk)).content.decode()
    assert 'data-testid="return-link"' not in page
