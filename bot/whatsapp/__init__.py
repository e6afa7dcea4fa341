"""The WhatsApp Cloud API: the client, inbound parsing, the webhook, status updates, rendering."""
