"""The typed model, errors, the record <-> model schema and the stage contract: what every other package builds on."""
