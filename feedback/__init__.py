"""Resident feedback: reports about life in Kraków, with a reference number."""
