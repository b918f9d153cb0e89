"""The documentation site: Jinja2 templates, page data and the unrolled-layer diagrams."""
