from io import StringIO

from django.core.management import call_command


def test_models_and_migrations_agree():
    # A model change without its migration would break a merchant's `migrate`.
    out = StringIO()
    call_command("makemigrations", "saleor_tracking_plugin", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()
