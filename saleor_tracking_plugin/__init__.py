"""Post-purchase experience for Saleor: tracking, notifications, returns, delays, surveys."""

PLUGIN_ID = "saleor_tracking_plugin"
# Whether the plugin runs before a merchant has saved its configuration (Saleor keeps no row).
DEFAULT_ACTIVE = True
