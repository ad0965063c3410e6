"""Channel senders: each takes a claimed outbox message and hands it to its provider."""
