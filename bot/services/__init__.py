"""The domain layer: operations shared by the chat and the REST API.

Every operation takes the acting user explicitly, checks the role through
`access.require` (the one role table), flushes when it needs ids and never commits:
the entry point (the worker answering a message, a REST request, a CLI command) owns the transaction.
"""
