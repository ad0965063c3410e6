"""The demo shop's catalogue and people: what a merchant sets up in Saleor before selling.

Built with Saleor's models the way Saleor's own `populatedb` and test fixtures build them
(Saleor has no single API call for a whole catalogue); orders then go through Saleor's
GraphQL API (see orders.py). Every function is idempotent: get-or-create by slug or email.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from saleor.account.models import Address, Group, User
from saleor.channel import MarkAsPaidStrategy
from saleor.channel.models import Channel
from saleor.permission.models import Permission
from saleor.plugins.models import PluginConfiguration
from saleor.product.models import (
    Category,
    Product,
    ProductChannelListing,
    ProductType,
    ProductVariant,
    ProductVariantChannelListing,
)
from saleor.shipping import ShippingMethodType
from saleor.shipping.models import ShippingMethod, ShippingMethodChannelListing, ShippingZone
from saleor.tax.models import TaxConfiguration
from saleor.warehouse.models import Stock, Warehouse

from saleor_tracking_plugin import PLUGIN_ID

PASSWORD = "demo1234"
STAFF_EMAIL = "staff@example.com"

# The plugin as a Turkish merchant would set it: Yurtiçi for plain numeric numbers, and
# returns worth more than 500 waiting for staff (smaller ones are approved at once).
PLUGIN_SETTINGS = {
    "default_carrier": "yurtici",
    "return_auto_approve_max_amount": "500",
}


@dataclass(frozen=True)
class Market:
    """A sales channel with its shipping zone and its one shipping method."""

    slug: str
    name: str
    currency: str
    country: str
    zone_countries: tuple[str, ...]
    shipping_method: str
    shipping_price: Decimal


TURKEY = Market("demo-tr", "Türkiye", "TRY", "TR", ("TR",), "Yurtiçi Kargo", Decimal("49.90"))
INTERNATIONAL = Market(
    "demo-en",
    "International (English)",
    "GBP",
    "GB",
    ("GB", "IE", "DE", "NL", "FR"),
    "UPS Standard",
    Decimal("9.90"),
)
MARKETS = (TURKEY, INTERNATIONAL)

# name, SKU, price in TRY, price in GBP
PRODUCTS = (
    ("Keten Gömlek", "DEMO-SHIRT", Decimal("899.90"), Decimal("39.00")),
    ("Deri Cüzdan", "DEMO-WALLET", Decimal("649.00"), Decimal("29.00")),
    ("Seramik Kupa", "DEMO-MUG", Decimal("249.00"), Decimal("12.00")),
    ("Yün Atkı", "DEMO-SCARF", Decimal("1499.00"), Decimal("59.00")),
)


@dataclass(frozen=True)
class Person:
    email: str
    first_name: str
    last_name: str
    street: str
    city: str
    area: str
    postal_code: str
    country: str
    phone: str


CUSTOMERS = {
    "ayse": Person(
        "ayse.yilmaz@example.com",
        "Ayşe",
        "Yılmaz",
        "Moda Caddesi 12",
        "Kadıköy",
        "İstanbul",
        "34710",
        "TR",
        "+905321234567",
    ),
    "mehmet": Person(
        "mehmet.demir@example.com",
        "Mehmet",
        "Demir",
        "Atatürk Bulvarı 101",
        "Çankaya",
        "Ankara",
        "06420",
        "TR",
        "+905339876543",
    ),
    "emily": Person(
        "emily.clarke@example.com",
        "Emily",
        "Clarke",
        "221 Baker Street",
        "London",
        "",
        "NW1 6XE",
        "GB",
        "+442071234567",
    ),
}
WAREHOUSE_ADDRESS = Person(
    "depo@example.com",
    "Demo",
    "Depo",
    "Organize Sanayi Bölgesi 5",
    "Tuzla",
    "İstanbul",
    "34953",
    "TR",
    "+902161234567",
)


def address_of(person: Person) -> Address:
    return Address.objects.create(
        first_name=person.first_name,
        last_name=person.last_name,
        street_address_1=person.street,
        city=person.city,
        country_area=person.area,
        postal_code=person.postal_code,
        country=person.country,
        phone=person.phone,
    )


def address_input(person: Person) -> dict:
    """The person's address as Saleor's GraphQL `AddressInput`."""
    return {
        "firstName": person.first_name,
        "lastName": person.last_name,
        "streetAddress1": person.street,
        "city": person.city,
        "countryArea": person.area,
        "postalCode": person.postal_code,
        "country": person.country,
        "phone": person.phone,
    }


def build_shop() -> Warehouse:
    """Channels, warehouse, shipping, catalogue, customers, staff and plugin settings."""
    channels = [_channel(market) for market in MARKETS]
    warehouse = _warehouse(channels)
    for market, channel in zip(MARKETS, channels, strict=True):
        _shipping(market, channel, warehouse)
    _catalogue(channels, warehouse)
    for person in CUSTOMERS.values():
        _customer(person)
    _staff()
    _configure_plugin()
    return warehouse


def _channel(market: Market) -> Channel:
    channel, _ = Channel.objects.get_or_create(
        slug=market.slug,
        defaults={
            "name": market.name,
            "currency_code": market.currency,
            "default_country": market.country,
            "is_active": True,
            # Marking an order paid records a (manual) Payment, which Saleor can refund: the
            # plugin's refunds of returns and of cancelled late orders then complete.
            "order_mark_as_paid_strategy": MarkAsPaidStrategy.PAYMENT_FLOW,
        },
    )
    TaxConfiguration.objects.get_or_create(channel=channel)
    return channel


def _warehouse(channels: list[Channel]) -> Warehouse:
    warehouse = Warehouse.objects.filter(slug="demo-istanbul").first()
    if warehouse is None:
        warehouse = Warehouse.objects.create(
            name="İstanbul Depo",
            slug="demo-istanbul",
            email=WAREHOUSE_ADDRESS.email,
            address=address_of(WAREHOUSE_ADDRESS),
        )
    warehouse.channels.add(*channels)
    return warehouse


def _shipping(market: Market, channel: Channel, warehouse: Warehouse) -> None:
    zone, _ = ShippingZone.objects.get_or_create(
        name=f"Demo {market.name}", defaults={"countries": list(market.zone_countries)}
    )
    zone.channels.add(channel)
    zone.warehouses.add(warehouse)
    method, _ = ShippingMethod.objects.get_or_create(
        name=market.shipping_method,
        shipping_zone=zone,
        defaults={"type": ShippingMethodType.PRICE_BASED},
    )
    ShippingMethodChannelListing.objects.get_or_create(
        shipping_method=method,
        channel=channel,
        defaults={
            "currency": market.currency,
            "price_amount": market.shipping_price,
            "minimum_order_price_amount": Decimal(0),
        },
    )


def _catalogue(channels: list[Channel], warehouse: Warehouse) -> None:
    product_type, _ = ProductType.objects.get_or_create(
        slug="demo-goods",
        defaults={"name": "Goods", "has_variants": False, "is_shipping_required": True},
    )
    category, _ = Category.objects.get_or_create(slug="demo", defaults={"name": "Demo"})
    for name, sku, *prices in PRODUCTS:
        variant = ProductVariant.objects.filter(sku=sku).first()
        if variant is not None:
            continue
        product = Product.objects.create(
            name=name, slug=sku.lower(), product_type=product_type, category=category
        )
        variant = ProductVariant.objects.create(product=product, sku=sku, name=name)
        Stock.objects.create(warehouse=warehouse, product_variant=variant, quantity=100)
        for channel, price in zip(channels, prices, strict=True):
            ProductChannelListing.objects.create(
                product=product,
                channel=channel,
                is_published=True,
                visible_in_listings=True,
                available_for_purchase_at=timezone.now(),
                currency=channel.currency_code,
            )
            ProductVariantChannelListing.objects.create(
                variant=variant,
                channel=channel,
                price_amount=price,
                discounted_price_amount=price,
                currency=channel.currency_code,
            )


def _customer(person: Person) -> User:
    user = User.objects.filter(email=person.email).first()
    if user is not None:
        return user
    address = address_of(person)
    user = _new_user(
        person.email,
        first_name=person.first_name,
        last_name=person.last_name,
        default_billing_address=address,
        default_shipping_address=address,
        language_code="tr" if person.country == "TR" else "en",
    )
    user.addresses.add(address)
    return user


def _staff() -> User:
    staff = User.objects.filter(email=STAFF_EMAIL).first()
    if staff is None:
        staff = _new_user(
            STAFF_EMAIL, first_name="Demo", last_name="Staff", is_staff=True, is_superuser=True
        )
    # Saleor checks a staff member's channels through their permission groups.
    group, created = Group.objects.get_or_create(
        name="Demo full access", defaults={"restricted_access_to_channels": False}
    )
    if created:
        group.permissions.set(Permission.objects.all())
    staff.groups.add(group)
    return staff


def _new_user(email: str, **fields) -> User:
    # Saleor's manager has no create_user; Saleor's own tools build the model like this
    # (Saleor 3.23's customer type may stay empty: readers fall back to the default one).
    user = User(email=email, is_active=True, **fields)
    user.set_password(PASSWORD)
    user.save()
    return user


def staff_user() -> User:
    return User.objects.get(email=STAFF_EMAIL)


def customer(key: str) -> User:
    return User.objects.get(email=CUSTOMERS[key].email)


def _configure_plugin() -> None:
    config, _ = PluginConfiguration.objects.get_or_create(
        identifier=PLUGIN_ID, defaults={"active": True, "configuration": []}
    )
    saved = {item["name"]: item for item in config.configuration}
    for name, value in PLUGIN_SETTINGS.items():
        saved[name] = {"name": name, "value": value}
    config.configuration = list(saved.values())
    config.active = True
    config.save()
