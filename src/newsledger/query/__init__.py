"""The one read path used by the CLI, the HTTP API, the web UI and exports."""
