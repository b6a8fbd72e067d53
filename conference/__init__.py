"""The Open Kraków conference: its days, themes and (later) schedule."""
