"""Post-purchase experience for Saleor: tracking, notifications, returns, delays, surveys."""

PLUGIN_ID = "saleor_tracking_plugin"
