"""Reading inputs (txt, html, jsonl, directories, stdin), cleaning page furniture, and the engine that analyses them in one or many processes."""
