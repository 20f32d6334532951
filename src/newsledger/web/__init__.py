"""The web UI and HTTP API: ``create_app(db)`` in :mod:`newsledger.web.app`, ``newsledger serve``."""
