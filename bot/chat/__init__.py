"""The conversation: routing, the organiser's commands, the guest flow, and their parsers."""
