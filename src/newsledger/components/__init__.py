"""The per-document stages, one package each; the registry in :mod:`newsledger.pipeline` runs them in the order their declarations imply."""
