"""The hosted return page, served by Saleor through the plugin's webhook URL."""

from saleor_tracking_plugin import PLUGIN_ID
from saleor_tracking_plugin.pages.links import order_token
from saleor_tracking_plugin.returns.models import Return

from .helpers import configure_plugin

PAGE = f"/plugins/global/{PLUGIN_ID}/pages/return/"


def request_one_shirt(client, token: str, order) -> Return:
    """A shopper requests the return of one shirt (SKU_AA) from the page."""
    shirt = order.lines.get(product_sku="SKU_AA")
    client.post(
        PAGE,
        {
            "t": token,
            "action": "request",
            f"qty-{shirt.pk}": "1",
            "reason": "size",
            "resolution": "refund",
        },
    )
    return Return.objects.get()


def test_a_link_for_another_purpose_does_not_open_the_return_page(client, delivered_order):
    response = client.get(PAGE, {"t": order_token(delivered_order, "track")})
    assert response.status_code == 404
    assert not Return.objects.exists()


def test_the_page_shows_what_can_be_returned(client, delivered_order):
    response = client.get(PAGE, {"t": order_token(delivered_order, "return"), "lang": "tr"})

    body = response.content.decode()
    assert response.status_code == 200
    assert "İade başlat" in body
    for line in delivered_order.lines.all():
        assert f'name="qty-{line.pk}"' in body


def test_a_shopper_requests_a_return_from_the_page(client, delivered_order):
    configure_plugin(return_carrier_codes="yurtici=304512")
    token = order_token(delivered_order, "return")
    shirt = delivered_order.lines.get(product_sku="SKU_AA")

    response = client.post(
        PAGE,
        {
            "t": token,
            "action": "request",
            f"qty-{shirt.pk}": "2",
            "reason": "defective",
            "resolution": "refund",
            "comment": "Dikiş yeri açık",
        },
    )

    assert response.status_code == 302
    ret = Return.objects.get()
    assert [(line.order_line_id, line.quantity) for line in ret.lines.all()] == [(shirt.pk, 2)]
    assert ret.requested_as_guest
    page = client.get(PAGE, {"t": token, "lang": "en", "done": "1"}).content.decode()
    assert ret.rma in page
    assert "304512" in page  # the shop's contracted return code
    assert "<svg" in page  # the QR code, drawn inline


def test_a_refused_request_says_why_and_creates_nothing(client, delivered_order):
    shirt = delivered_order.lines.get(product_sku="SKU_AA")

    response = client.post(
        PAGE + "?lang=tr",
        {
            "t": order_token(delivered_order, "return"),
            "action": "request",
            f"qty-{shirt.pk}": "9",
            "reason": "size",
            "resolution": "refund",
        },
    )

    assert response.status_code == 400
    assert "İade edilebilecek adetten fazlasını seçtiniz." in response.content.decode()
    assert not Return.objects.exists()


def test_a_shopper_cancels_a_return_from_the_page(client, delivered_order):
    token = order_token(delivered_order, "return")
    ret = request_one_shirt(client, token, delivered_order)

    response = client.post(PAGE, {"t": token, "action": "cancel", "return": str(ret.pk)})

    assert response.status_code == 302
    ret.refresh_from_db()
    assert ret.status == "cancelled"


def test_the_page_cannot_touch_another_orders_return(
    client, delivered_order, order_with_lines_for_cc
):
    ret = request_one_shirt(client, order_token(delivered_order, "return"), delivered_order)

    response = client.post(
        PAGE,
        {"t": order_token(order_with_lines_for_cc, "return"), "action": "cancel", "return": ret.pk},
    )

    assert response.status_code == 400
    ret.refresh_from_db()
    assert ret.status == "approved"


def test_the_outbound_parcels_number_is_refused_on_the_page_in_the_shoppers_language(
    client, delivered_order
):
    # given a return approved from the page
    token = order_token(delivered_order, "return")
    ret = request_one_shirt(client, token, delivered_order)

    # when the shopper enters the number of the parcel they received as the return parcel's
    response = client.post(
        PAGE + "?lang=tr",
        {
            "t": token,
            "action": "tracking",
            "return": str(ret.pk),
            "tracking_number": "305712345678",
        },
    )

    # then the page says, in Turkish, which number it wants, and nothing is tracked
    assert response.status_code == 400
    assert "Bu, size gönderdiğimiz kargonun numarası." in response.content.decode()
    ret.refresh_from_db()
    assert ret.return_shipment is None
