"""Tracking webhooks of aggregators (AfterShip, EasyPost), one folder per provider.

Deliveries feed the same path as polling: `carriers.actions.apply_update`.
"""
