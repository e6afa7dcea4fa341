"""The REST API under /api, its codec and OpenAPI document; health checks."""
