"""Words, dates and phone numbers as people read and write them."""
