"""Who the shop is, as shoppers should see it on pages and in messages: Saleor's site
settings (name, sender address, company phone) and the plugin's logo setting."""

from dataclasses import dataclass

from django.conf import settings as django_settings

from .context import site_settings


@dataclass(frozen=True)
class ShopIdentity:
    """The shop's name and ways to reach it; empty strings for what Saleor does not know."""

    name: str
    email: str
    phone: str
    logo_url: str = ""


def shop_identity(logo_url: str = "") -> ShopIdentity:
    """The shop as configured in Saleor's dashboard (Configuration → Site settings)."""
    site_config = site_settings()
    address = site_config.company_address
    company = getattr(address, "company_name", "") if address else ""
    return ShopIdentity(
        name=site_config.default_mail_sender_name or company or site_config.site.name or "",
        email=(
            site_config.default_mail_sender_address
            or getattr(django_settings, "DEFAULT_FROM_EMAIL", "")
            or ""
        ),
        phone=str(address.phone) if address and address.phone else "",
        logo_url=logo_url,
    )
