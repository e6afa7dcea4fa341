"""The guest's own page: `/r/<token>`, server-rendered (Jinja), to answer without WhatsApp."""
