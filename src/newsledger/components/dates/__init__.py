"""Dates and times: TIMEX3-style detection and normalisation against the publication date."""
