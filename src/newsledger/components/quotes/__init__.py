"""Quotes: direct, mixed and indirect attribution with cue, speaker and nested sources."""
