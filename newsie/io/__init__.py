"""Reading inputs (texts, records, feeds) and writing results."""
