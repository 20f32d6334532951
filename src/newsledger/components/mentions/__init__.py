"""Mentions: named spans turned into per-document entities with their mentions."""
