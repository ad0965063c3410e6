"""The demo shop started by `./scripts/demo`: settings, seed data and printed links.

Not part of the installed plugin (setup.cfg packages only `saleor_tracking_plugin`); the
demo script puts the checkout on PYTHONPATH.
"""
