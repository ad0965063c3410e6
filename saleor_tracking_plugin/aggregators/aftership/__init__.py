"""AfterShip tracking webhooks."""
