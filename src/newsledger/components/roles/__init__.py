"""Roles: titles and affiliations of people ("associate researcher at X")."""
