"""Jinja2 templates and the stylesheet of the documentation site, shipped as package data."""
