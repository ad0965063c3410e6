"""The dashboard extension's built files (from dashboard_extension/), served by the plugin."""
