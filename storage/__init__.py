"""The event store: models, engine and session handling, queries. Knows nothing of WhatsApp or HTTP."""
