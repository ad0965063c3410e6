"""EasyPost tracker webhooks."""
