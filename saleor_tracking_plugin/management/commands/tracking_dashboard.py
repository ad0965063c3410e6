"""`manage.py tracking_dashboard --public-url URL`: register the dashboard extension."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from ...saleor_glue.dashboard_app import (
    DASHBOARD_APP_IDENTIFIER,
    register_dashboard_app,
    remove_dashboard_app,
)


class Command(BaseCommand):
    help = (
        "Create or update the plugin's dashboard App (order page extension and Post-purchase "
        "page) for the Saleor API reachable by staff's browsers at --public-url; --remove "
        "deletes it. Running it again changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--public-url",
            help="Saleor's address as staff's browsers reach it, e.g. https://api.shop.example",
        )
        parser.add_argument("--remove", action="store_true", help="Remove the dashboard App.")

    def handle(self, *args, public_url: str | None = None, remove: bool = False, **options):
        if remove:
            removed = remove_dashboard_app()
            message = "Removed" if removed else "Nothing to remove: not registered"
            self.stdout.write(f"{message} ({DASHBOARD_APP_IDENTIFIER}).")
            return
        if not public_url:
            raise CommandError("Give --public-url (or --remove).")
        try:
            app, changed = register_dashboard_app(public_url)
        except ValidationError as error:
            raise CommandError(f"Saleor refused the manifest: {error.message_dict}") from error
        state = "Registered" if changed else "Already up to date"
        self.stdout.write(f"{state}: {app.name} ({DASHBOARD_APP_IDENTIFIER}) at {app.app_url}")
