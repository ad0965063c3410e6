"""Store credit as a Saleor gift card, issued like staff do with `giftCardCreate`."""

from decimal import Decimal
from typing import TYPE_CHECKING

from saleor.core.utils.promo_code import generate_promo_code
from saleor.giftcard import events
from saleor.giftcard.models import GiftCard
from saleor.giftcard.notifications import send_gift_card_notification
from saleor.giftcard.utils import calculate_expiry_date

from .context import plugins_manager, site_settings

if TYPE_CHECKING:
    from saleor.account.models import User
    from saleor.app.models import App
    from saleor.order.models import Order


def issue_store_credit(
    order: "Order",
    amount: Decimal,
    *,
    user: "User | None",
    app: "App | None",
    note: str,
) -> GiftCard:
    """A new active gift card worth `amount`, for the order's customer, emailed by Saleor."""
    gift_card = GiftCard.objects.create(
        code=generate_promo_code(),
        initial_balance_amount=amount,
        current_balance_amount=amount,
        currency=order.currency,
        created_by=user,
        created_by_email=user.email if user else None,
        app=app,
        is_active=True,
        expiry_date=calculate_expiry_date(site_settings()),
    )
    events.gift_card_issued_event(gift_card=gift_card, user=user, app=app)
    events.gift_card_note_added_event(gift_card=gift_card, user=user, app=app, message=note)
    manager = plugins_manager()
    email = order.user_email or (order.user.email if order.user else "")
    if email:
        send_gift_card_notification(
            user,
            app,
            order.user,
            email,
            gift_card,
            manager,
            channel_slug=order.channel.slug,
            resending=False,
        )
    manager.gift_card_created(gift_card)
    return gift_card
